using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// SQLite cannot compare or order <see cref="DateTimeOffset"/> in SQL. Instants are stored as UTC
/// ticks (an INTEGER), which sort and compare exactly, so ordering and range filters stay in SQL.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
