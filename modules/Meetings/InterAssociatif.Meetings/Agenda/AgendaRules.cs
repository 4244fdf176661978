namespace InterAssociatif.Meetings.Agenda;

/// <summary>The shape of an agenda: depth, sub-items, numbering.</summary>
internal static class AgendaRules
{
    public static int Position(ErrorList errors, int? requested, int last)
    {
        if (requested is null)
        {
            return last;
        }

        if (requested < 1 || requested > last)
        {
            errors.Add(new InputValidationError("position", $"`position` must be between 1 and {last}."));
            return last;
        }

        return requested.Value;
    }

    public static void Renumber(List<AgendaItem> siblings)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            siblings[i].Position = i + 1;
        }
    }

    /// <summary>0 for a top-level item.</summary>
    public static int Depth(IReadOnlyList<AgendaItem> items, AgendaItem item)
    {
        var depth = 0;
        for (var current = item; current.ParentId is { } parentId && depth <= AgendaItem.MaxDepth; depth++)
        {
            current = items.First(a => a.Id == parentId);
        }

        return depth;
    }

    /// <summary>1 for an item without sub-items.</summary>
    public static int Height(IReadOnlyList<AgendaItem> items, AgendaItem item) =>
        1 + items.Where(a => a.ParentId == item.Id).Select(child => Height(items, child)).DefaultIfEmpty(0).Max();

    public static bool IsSelfOrDescendant(IReadOnlyList<AgendaItem> items, AgendaItem item, AgendaItem candidate)
    {
        for (AgendaItem? current = candidate; current is not null; current = current.ParentId is { } p
            ? items.FirstOrDefault(a => a.Id == p)
            : null)
        {
            if (current.Id == item.Id)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"1.", "2.1." …: the item's number in the agenda.</summary>
    public static string Number(IReadOnlyList<AgendaItem> items, AgendaItem item)
    {
        var parts = new List<int>();
        for (AgendaItem? current = item; current is not null; current = current.ParentId is { } p
            ? items.FirstOrDefault(a => a.Id == p)
            : null)
        {
            parts.Insert(0, current.Position);
        }

        return string.Join('.', parts) + ".";
    }
}
