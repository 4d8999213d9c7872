namespace Measure.Kernels;

/// <summary>Shape checks shared by every kernel: each names the argument and the mismatch.</summary>
internal static class Shape
{
    public static void EnsureNonNegative(int value, string parameter)
    {
        if (value < 0)
        {
            throw new ArgumentException($"{parameter} must be non-negative, got {value}", parameter);
        }
    }

    public static void EnsureSameLength(int expected, int actual, string parameter)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"{parameter} has length {actual} but {expected} was expected", parameter);
        }
    }

    /// <summary>Checks a row-major [rows x cols] buffer of <paramref name="length"/> elements.</summary>
    public static void EnsureMatrix(int length, int rows, int cols, string parameter, string rowsName, string colsName)
    {
        EnsureNonNegative(rows, rowsName);
        EnsureNonNegative(cols, colsName);
        long expected = (long)rows * cols;
        if (length != expected)
        {
            throw new ArgumentException(
                $"{parameter} has {length} elements but {rowsName} x {colsName} = {rows} x {cols} = {expected}", parameter);
        }
    }

    public static void EnsureVector(int length, int expected, string parameter, string dimensionName)
    {
        if (length != expected)
        {
            throw new ArgumentException(
                $"{parameter} has length {length} but {dimensionName} = {expected}", parameter);
        }
    }

    /// <summary>Checks a row-major [rows x cols] Q8_0 matrix: whole blocks per row and the exact byte count.</summary>
    public static void EnsureQ8_0Matrix(int byteLength, int rows, int cols, string parameter, string rowsName, string colsName)
    {
        EnsureNonNegative(rows, rowsName);
        if (cols < 0 || cols % Formats.Q8_0.BlockSize != 0)
        {
            throw new ArgumentException(
                $"{colsName} ({cols}) must be a non-negative multiple of the Q8_0 block size {Formats.Q8_0.BlockSize}", colsName);
        }

        long expected = (long)rows * (cols / Formats.Q8_0.BlockSize) * Formats.Q8_0.BlockBytes;
        if (byteLength != expected)
        {
            throw new ArgumentException(
                $"{parameter} has {byteLength} bytes but {rowsName} x {colsName} = {rows} x {cols} in Q8_0 needs {expected}", parameter);
        }
    }
}
