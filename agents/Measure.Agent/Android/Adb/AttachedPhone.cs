namespace Measure.Agent.Android.Adb;

/// <summary>One line of <c>adb devices -l</c>: the serial, its state ("device" when usable) and the key:value details.</summary>
public sealed record AttachedPhone(string Serial, string State, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>Usable: authorized and online ("offline", "unauthorized", "recovery" and others are not).</summary>
    public bool IsReady => State == "device";

    public string? Model => Details.TryGetValue("model", out var model) ? model.Replace('_', ' ') : null;

    /// <summary>
    /// Parses <c>adb devices -l</c>: a header, then <c>SERIAL STATE key:value...</c> per phone. Daemon start-up chatter
    /// ("* daemon started successfully") and blank lines are skipped.
    /// </summary>
    public static IReadOnlyList<AttachedPhone> ParseDeviceList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var phones = new List<AttachedPhone>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('*') || line.StartsWith("List of devices", StringComparison.Ordinal))
                continue;
            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
                continue;
            var details = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var word in words.Skip(2))
            {
                var colon = word.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                    details[word[..colon]] = word[(colon + 1)..];
            }
            phones.Add(new AttachedPhone(words[0], words[1], details));
        }
        return phones;
    }
}
