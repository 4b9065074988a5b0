namespace Site.Core.Tests.TestSupport;

/// <summary>One engine (SQLite, the repository's content) for the tests of a class whose saves do not disturb each other.</summary>
public sealed class TestEngineFixture : IAsyncLifetime
{
    public TestEngine Engine { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Engine = await TestEngine.StartAsync();

    public async ValueTask DisposeAsync() => await Engine.DisposeAsync();
}
