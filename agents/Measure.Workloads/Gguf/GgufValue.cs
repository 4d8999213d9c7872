namespace Measure.Workloads.Gguf;

/// <summary>
/// One metadata value. Scalars are held boxed as their CLR type; arrays as a typed CLR array
/// (float[], string[], ...), nested arrays as <see cref="GgufValue"/>[]. Arrays of 32000 vocabulary
/// strings or scores are therefore materialised once and cheap to hand to a tokenizer.
/// </summary>
public sealed class GgufValue
{
    internal GgufValue(GgufValueType type, object value, GgufValueType? elementType = null)
    {
        Type = type;
        Value = value;
        ElementType = elementType;
    }

    public GgufValueType Type { get; }

    /// <summary>For arrays, the type of their elements.</summary>
    public GgufValueType? ElementType { get; }

    public object Value { get; }

    /// <summary>True for every integer type, signed or not, when the value fits an <see cref="long"/>.</summary>
    public bool TryGetInteger(out long value)
    {
        switch (Value)
        {
            case byte b: value = b; return true;
            case sbyte sb: value = sb; return true;
            case ushort us: value = us; return true;
            case short s: value = s; return true;
            case uint ui: value = ui; return true;
            case int i: value = i; return true;
            case long l: value = l; return true;
            case ulong ul when ul <= long.MaxValue: value = (long)ul; return true;
            default: value = 0; return false;
        }
    }

    /// <summary>True for the two float types and every integer type (a metadata writer may store 10000 as an int).</summary>
    public bool TryGetReal(out double value)
    {
        switch (Value)
        {
            case float f: value = f; return true;
            case double d: value = d; return true;
            default:
                var isInteger = TryGetInteger(out var integer);
                value = integer;
                return isInteger;
        }
    }

    public override string ToString() => Value switch
    {
        string s => s,
        Array a => $"[{ElementType} x {a.Length}]",
        _ => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
