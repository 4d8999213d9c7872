using System.Globalization;
using System.Xml.Linq;
using Measure.Statistics.Comparison;

namespace Measure.Cli.Gate;

/// <summary>
/// The verdict as JUnit XML, one test case per comparison, so CI test tabs list every gated metric. A regression is a
/// failure; an inconclusive comparison is a failure with --strict and otherwise a skipped case (with what would decide it).
/// </summary>
public static class JUnitReport
{
    public static XDocument Write(GateReport report, bool strict)
    {
        var cases = report.Comparisons.Select(c => Case(c, strict)).ToList();
        var failures = cases.Count(c => c.Element("failure") is not null);
        var skipped = cases.Count(c => c.Element("skipped") is not null);
        var suite = new XElement("testsuite",
            new XAttribute("name", "measure gate"),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            cases);
        if (report.Unmatched.Count > 0)
            suite.Add(new XElement("system-out", "Not compared:\n" + string.Join('\n', report.Unmatched)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "measure"), new XAttribute("tests", cases.Count), new XAttribute("failures", failures), suite));
    }

    private static XElement Case(GateComparison c, bool strict)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", $"{c.Device}.{c.Workload}.{c.Precision}.x{c.Threads.ToString(CultureInfo.InvariantCulture)}"),
            new XAttribute("name", c.Metric),
            new XAttribute("time", "0"));
        var explanation = c.Result.Explain();
        switch (c.Verdict)
        {
            case Verdict.Regression:
                element.Add(new XElement("failure", new XAttribute("type", "regression"), new XAttribute("message", $"{c.Metric} regressed {GateFormat.Change(c.Result)}"), explanation));
                break;
            case Verdict.Inconclusive when strict:
                element.Add(new XElement("failure", new XAttribute("type", "inconclusive"), new XAttribute("message", GateFormat.VerdictText(c.Result)), explanation));
                break;
            case Verdict.Inconclusive:
                element.Add(new XElement("skipped", new XAttribute("message", GateFormat.VerdictText(c.Result))));
                element.Add(new XElement("system-out", explanation));
                break;
            default:
                element.Add(new XElement("system-out", explanation));
                break;
        }
        return element;
    }
}
