using Site.Core.Workflow;

namespace Site.Core.Tests.TestSupport;

/// <summary>The back-office users the engine's tests act as.</summary>
internal static class TestUsers
{
    public static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    public static readonly BackOfficeUser Writer = new("writer@jesie", "Writer", new HashSet<string> { BackOfficeGroups.Writers });
}
