namespace Measure.Contracts;

/// <summary>One thing wrong with a report: the JSON path of the field and what is wrong with it.</summary>
public sealed record ValidationError(string Field, string Message);
