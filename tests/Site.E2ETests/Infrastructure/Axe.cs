using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Site.E2ETests.Infrastructure;

public static class Axe
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>Runs axe-core on the page (WCAG 2.0/2.1 A and AA rules) and fails listing every violation.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string label)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        Assert.True(result.Violations.Length == 0, Describe(label, result.Violations));
    }

    private static string Describe(string label, AxeResultItem[] violations)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"axe found {violations.Length} violation(s) on {label}:");
        foreach (var violation in violations)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"- {violation.Id} [{violation.Impact}] {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine();
                text.Append(CultureInfo.InvariantCulture, $"    target {node.Target}: {node.Html}");
                var messages = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                    .Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.Ordinal);
                foreach (var message in messages)
                {
                    text.AppendLine();
                    text.Append(CultureInfo.InvariantCulture, $"      {message}");
                }
            }
        }

        return text.ToString();
    }
}
