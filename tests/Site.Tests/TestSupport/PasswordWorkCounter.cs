using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;

namespace Site.Tests.TestSupport;

/// <summary>
/// Counts the hashings and verifications of each password, so that a test can show that a refusal did the same work as
/// a real check (timing is not tested; the work behind it is). Keyed by the password, so tests running in parallel
/// each count only their own by using a password of their own.
/// </summary>
public static class PasswordWorkCounter
{
    private static readonly ConcurrentDictionary<string, int> Counts = new(StringComparer.Ordinal);

    public static int Of(string password) => Counts.TryGetValue(password, out var count) ? count : 0;

    public static string NewPassword() => "counted password " + Guid.NewGuid().ToString("N");

    internal static void Count(string? password) => Counts.AddOrUpdate(password ?? string.Empty, 1, (_, count) => count + 1);
}

/// <summary>The site's own hasher, counting what it is asked to do.</summary>
public sealed class CountingPasswordHasher<TUser> : IPasswordHasher<TUser>
    where TUser : class
{
    private readonly PasswordHasher<TUser> _inner = new();

    public string HashPassword(TUser user, string password)
    {
        PasswordWorkCounter.Count(password);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(TUser user, string hashedPassword, string providedPassword)
    {
        PasswordWorkCounter.Count(providedPassword);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
