using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Members;

/// <summary>Registration to attend: places while they last, a fair waiting list, and no place given twice.</summary>
public sealed class SessionRegistrationServiceTests
{
    public static TheoryData<TestDatabase> Databases => [TestDatabase.Sqlite, TestDatabase.PostgreSql];

    private static readonly CancellationToken None = CancellationToken.None;

    private static RegistrationOffer OpenOffer(int? capacity, Guid? session = null) =>
        new(session ?? Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), capacity, TimeZoneInfo.Utc);

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Places_go_first_come_and_then_the_waiting_list_and_a_cancellation_moves_the_first_waiting_up(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var alice = await host.CreateMemberAsync("alice@example.org", "Alice");
        var bob = await host.CreateMemberAsync("bob@example.org", "Bob");
        var carol = await host.CreateMemberAsync("carol@example.org", "Carol");
        var dan = await host.CreateMemberAsync("dan@example.org", "Dan");
        var offer = OpenOffer(capacity: 2);
        await using var scope = host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<ISessionRegistrationService>();

        Assert.Equal(RegistrationStatus.Confirmed, (await service.RegisterAsync(alice, offer, None)).Registration!.Status);
        Assert.Equal(RegistrationStatus.Confirmed, (await service.RegisterAsync(bob, offer, None)).Registration!.Status);
        Assert.Equal(RegistrationStatus.WaitListed, (await service.RegisterAsync(carol, offer, None)).Registration!.Status);
        Assert.Equal(RegistrationStatus.WaitListed, (await service.RegisterAsync(dan, offer, None)).Registration!.Status);
        Assert.Equal(new RegistrationCounts(2, 2), await service.CountAsync(offer.SessionKey, None));

        var cancelled = await service.CancelAsync(alice, offer, None);

        Assert.True(cancelled.Result.Succeeded);
        Assert.Equal(RegistrationStatus.Cancelled, cancelled.Registration!.Status);
        var promoted = Assert.Single(cancelled.Promoted);
        Assert.Equal(carol, promoted.MemberId);
        Assert.Equal(RegistrationStatus.Confirmed, (await service.GetForMemberAsync(carol, offer.SessionKey, None))!.Status);
        Assert.Equal(RegistrationStatus.WaitListed, (await service.GetForMemberAsync(dan, offer.SessionKey, None))!.Status);
        Assert.Equal(new RegistrationCounts(2, 1), await service.CountAsync(offer.SessionKey, None));

        // Registering again after a cancellation queues behind those already waiting.
        Assert.Equal(RegistrationStatus.WaitListed, (await service.RegisterAsync(alice, offer, None)).Registration!.Status);
        var order = (await service.SearchAsync(new RegistrationSearch(offer.SessionKey), None)).Rows.Select(r => r.Member!.Name);
        Assert.Equal(["Bob", "Carol", "Dan", "Alice"], order);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Registration_is_refused_outside_its_window_and_twice_for_one_member(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var member = await host.CreateMemberAsync("m@example.org", "M");
        await using var scope = host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<ISessionRegistrationService>();
        var session = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        var early = await service.RegisterAsync(member, new RegistrationOffer(session, now.AddDays(1), now.AddDays(5), null, TimeZoneInfo.Utc), None);
        var late = await service.RegisterAsync(member, new RegistrationOffer(session, now.AddDays(-5), now.AddMinutes(-1), null, TimeZoneInfo.Utc), None);
        var notOffered = await service.RegisterAsync(member, new RegistrationOffer(session, null, null, null, TimeZoneInfo.Utc), None);

        Assert.Equal([MemberErrors.RegistrationNotOpen], early.Result.Errors);
        Assert.Equal([MemberErrors.RegistrationClosed], late.Result.Errors);
        Assert.Equal([MemberErrors.RegistrationNotOpen], notOffered.Result.Errors);
        Assert.Null(await service.GetForMemberAsync(member, session, None));

        var offer = OpenOffer(null, session);
        Assert.True((await service.RegisterAsync(member, offer, None)).Result.Succeeded);
        Assert.Equal([MemberErrors.AlreadyRegistered], (await service.RegisterAsync(member, offer, None)).Result.Errors);
        Assert.Equal([MemberErrors.NotRegistered], (await service.CancelAsync(member, OpenOffer(null), None)).Result.Errors);
        Assert.Equal(MemberResult.NotFound.Errors, (await service.RegisterAsync(Guid.NewGuid(), offer, None)).Result.Errors);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Members_racing_for_the_last_places_never_get_more_places_than_there_are(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var members = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            members.Add(await host.CreateMemberAsync($"racer{i}@example.org", $"Racer {i}"));
        }

        var offer = OpenOffer(capacity: 3);
        var results = await Task.WhenAll(members.Select(async id =>
        {
            // Each request has its own unit of work, as on the site.
            await using var scope = host.Scope();
            return await scope.ServiceProvider.GetRequiredService<ISessionRegistrationService>().RegisterAsync(id, offer, None);
        }));

        Assert.All(results, r => Assert.True(r.Result.Succeeded, string.Join(", ", r.Result.Errors)));
        Assert.Equal(3, results.Count(r => r.Registration!.Status == RegistrationStatus.Confirmed));
        await using var check = host.Scope();
        Assert.Equal(new RegistrationCounts(3, 5), await check.ServiceProvider.GetRequiredService<ISessionRegistrationService>().CountAsync(offer.SessionKey, None));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task An_editor_cancels_a_place_and_every_freed_place_is_filled_in_order(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var ids = new List<Guid>();
        foreach (var name in new[] { "Ann", "Ben", "Cai", "Dai" })
        {
            ids.Add(await host.CreateMemberAsync(name.ToLowerInvariant() + "@example.org", name));
        }

        var offer = OpenOffer(capacity: 1);
        await using var scope = host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<ISessionRegistrationService>();
        var registrations = new List<SessionRegistration>();
        foreach (var id in ids)
        {
            registrations.Add((await service.RegisterAsync(id, offer, None)).Registration!);
        }

        // The editor raised the capacity to 2 before cancelling Ann: her place and the new one both go to those waiting.
        var change = await service.CancelByEditorAsync(registrations[0].Id, capacity: 2, "editor@example.org", None);

        Assert.True(change.Result.Succeeded);
        Assert.Equal([ids[1], ids[2]], change.Promoted.Select(p => p.MemberId));
        Assert.Equal([MemberErrors.NotRegistered], (await service.CancelByEditorAsync(registrations[0].Id, 2, "editor@example.org", None)).Result.Errors);
        Assert.Equal(MemberResult.NotFound.Errors, (await service.CancelByEditorAsync(Guid.NewGuid(), 2, "editor@example.org", None)).Result.Errors);

        var waiting = await service.SearchAsync(new RegistrationSearch(offer.SessionKey, RegistrationStatus.WaitListed), None);
        Assert.Equal(["Dai"], waiting.Rows.Select(r => r.Member!.Name));
        var found = await service.SearchAsync(new RegistrationSearch(Text: "BEN@EXAMPLE"), None);
        Assert.Equal(["Ben"], found.Rows.Select(r => r.Member!.Name));
        var exported = await service.ExportAsync(new RegistrationSearch(offer.SessionKey), "editor@example.org", None);
        Assert.Equal(["Ben", "Cai", "Dai", "Ann"], exported.Select(r => r.Member!.Name));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Raising_the_capacity_lets_the_editor_give_the_new_places_to_those_waiting_in_order(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var offer = OpenOffer(capacity: 1);
        await using var scope = host.Scope();
        var service = scope.ServiceProvider.GetRequiredService<ISessionRegistrationService>();
        var ids = new List<Guid>();
        foreach (var name in new[] { "One", "Two", "Three", "Four" })
        {
            var id = await host.CreateMemberAsync(name.ToLowerInvariant() + "@example.org", name);
            ids.Add(id);
            await service.RegisterAsync(id, offer, None);
        }

        Assert.Empty((await service.FillFreePlacesAsync(offer.SessionKey, 1, "editor", None)).Promoted);
        var filled = await service.FillFreePlacesAsync(offer.SessionKey, 3, "editor", None);

        Assert.Equal([ids[1], ids[2]], filled.Promoted.Select(p => p.MemberId));
        Assert.Equal(new RegistrationCounts(3, 1), await service.CountAsync(offer.SessionKey, None));
    }

    [Fact]
    public void The_window_runs_from_the_first_day_to_the_end_of_the_last_in_the_sessions_time_zone()
    {
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var opens = RegistrationOffer.StartOfDay(new DateOnly(2027, 3, 1), shanghai);
        var closes = RegistrationOffer.StartOfDay(new DateOnly(2027, 3, 11), shanghai);
        var offer = new RegistrationOffer(Guid.NewGuid(), opens, closes, null, shanghai);

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 16, 0, 0, TimeSpan.Zero), opens.ToUniversalTime());
        Assert.Equal(RegistrationWindowState.NotYetOpen, offer.StateAt(new DateTimeOffset(2027, 2, 28, 15, 59, 0, TimeSpan.Zero)));
        Assert.Equal(RegistrationWindowState.Open, offer.StateAt(new DateTimeOffset(2027, 2, 28, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(RegistrationWindowState.Open, offer.StateAt(new DateTimeOffset(2027, 3, 10, 15, 59, 0, TimeSpan.Zero)));
        Assert.Equal(RegistrationWindowState.Closed, offer.StateAt(new DateTimeOffset(2027, 3, 10, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2027, 3, 10), offer.LastDay);
    }
}
