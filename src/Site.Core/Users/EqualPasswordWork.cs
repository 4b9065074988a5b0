using Microsoft.AspNetCore.Identity;

namespace Site.Core.Users;

/// <summary>
/// One password verification whose result is thrown away, for every sign-in, registration or token request that is
/// refused before a real check (an unknown address, a locked or unconfirmed account, an address already registered):
/// answering faster there would tell an outsider which addresses have accounts.
/// </summary>
public static class EqualPasswordWork
{
    public static void Spend<TUser>(IPasswordHasher<TUser> hasher, string? password)
        where TUser : class, new()
    {
        ArgumentNullException.ThrowIfNull(hasher);
        // Made by the site's own hasher, so that verifying it costs what a real account's check costs.
        var hash = DummyHash<TUser>.Value ??= hasher.HashPassword(new TUser(), Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(new TUser(), hash, password ?? string.Empty);
    }

    private static class DummyHash<TUser>
    {
        public static string? Value;
    }
}
