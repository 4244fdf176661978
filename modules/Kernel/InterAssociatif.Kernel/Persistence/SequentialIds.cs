namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// UUIDv7 ids for the records one command creates together, in the order it creates them: the 12
/// bits after the version hold a counter (RFC 9562, method 1), so that ordering by id keeps the
/// order in which they were given even within one millisecond.
/// </summary>
public sealed class SequentialIds(DateTimeOffset at)
{
    private int _next;

    public Guid Next()
    {
        var counter = _next++;
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7(at.AddMilliseconds(counter >> 12)).TryWriteBytes(bytes, bigEndian: true, out _);
        bytes[6] = (byte)(0x70 | ((counter >> 8) & 0x0F));
        bytes[7] = (byte)counter;
        return new Guid(bytes, bigEndian: true);
    }
}
