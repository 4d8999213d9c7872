namespace Measure.Workloads.Llm.Tokenization;

/// <summary>The token types stored in tokenizer.ggml.token_type (llama.cpp's numbering).</summary>
public enum TokenKind
{
    Undefined = 0,
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
}
