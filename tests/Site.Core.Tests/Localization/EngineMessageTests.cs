using System.Reflection;
using Site.Core.Content;

namespace Site.Core.Tests.Localization;

/// <summary>Every message of the engine has its Chinese translation (Localization/Engine.zh-CN.json).</summary>
public sealed class EngineMessageTests
{
    [Fact]
    public void Every_engine_message_is_translated()
    {
        var messages = typeof(LocalizedText).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => (Name: $"{f.DeclaringType!.Name}.{f.Name}", Text: (LocalizedText)f.GetValue(null)!))
            .ToList();

        Assert.True(messages.Count > 40, $"only {messages.Count} messages found");
        Assert.Empty(messages.Where(m => m.Text.Get("zh-CN") == m.Text.Get("en-US")).Select(m => m.Name));
    }

    [Fact]
    public void A_culture_without_a_translation_reads_the_english_source_formatted_in_its_own_conventions()
    {
        var message = LocalizedText.Of("The file is larger than {0} MB.").Format(1.5);

        Assert.Equal("The file is larger than 1,5 MB.", message.Get("fr-FR"));
        Assert.Equal("文件超过 1.5 MB。", message.Get("zh-CN"));
    }
}
