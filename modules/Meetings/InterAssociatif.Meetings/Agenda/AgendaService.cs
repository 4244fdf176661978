namespace InterAssociatif.Meetings.Agenda;

/// <summary>Keeps a meeting's agenda: ordered, nestable items. Positions among siblings stay 1..n.</summary>
internal sealed class AgendaService(IDbContextFactory<MeetingsDbContext> factory, TimeProvider time)
{
    public async Task<MutationResult<AgendaItem>> AddAsync(
        AddAgendaItemInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var title = errors.Line("title", command.Title, AgendaItem.TitleMaxLength, required: true);
        var notes = errors.Text("notes", command.Notes, AgendaItem.NotesMaxLength, required: false);
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var items = await db.AgendaItems.AsTracking()
            .Where(a => a.MeetingId == command.MeetingId)
            .ToListAsync(cancellationToken);
        if (command.ParentId is { } parentId)
        {
            var parent = items.FirstOrDefault(a => a.Id == parentId);
            if (parent is null)
            {
                errors.Add(NotFound("parentId", parentId, "in this meeting"));
            }
            else if (AgendaRules.Depth(items, parent) + 1 >= AgendaItem.MaxDepth)
            {
                errors.Add(
                    new InputValidationError(
                        "parentId", $"The agenda nests at most {AgendaItem.MaxDepth} levels deep."));
            }
        }

        var siblings = items.Where(a => a.ParentId == command.ParentId).OrderBy(a => a.Position).ToList();
        var position = AgendaRules.Position(errors, command.Position, siblings.Count + 1);
        if (change.Failed)
        {
            return change.Fail<AgendaItem>();
        }

        var item = new AgendaItem
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            MeetingId = command.MeetingId,
            ParentId = command.ParentId,
            Title = title ?? "",
            Notes = notes,
            Version = 1
        };
        siblings.Insert(position - 1, item);
        AgendaRules.Renumber(siblings);
        db.AgendaItems.Add(item);
        return await change.CommitAsync(item, "agenda item");
    }

    public async Task<MutationResult<AgendaItem>> UpdateAsync(
        UpdateAgendaItemInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (id, expectedVersion, title, notes) = command;
        var newTitle = errors.Line("title", title, AgendaItem.TitleMaxLength, required: true);
        var newNotes = errors.Text("notes", notes, AgendaItem.NotesMaxLength, required: false);
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var item = await change.FindAsync(
            change.Db.AgendaItems, id, "id", MeetingsTypeNames.AgendaItem, "agenda item", expectedVersion);
        if (item is not null)
        {
            item.Title = newTitle ?? item.Title;
            item.Notes = notes.IsSet ? newNotes : item.Notes;
            item.Version++;
        }

        return await change.CommitAsync(item, "agenda item");
    }

    /// <summary>
    /// Moves an item under another parent (or to the top level) at a position; an item cannot go under itself or its
    /// own sub-items.
    /// </summary>
    public async Task<MutationResult<AgendaItem>> MoveAsync(
        MoveAgendaItemInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (id, parentId, position) = command;
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var db = change.Db;
        var item = await change.FindAsync(db.AgendaItems, id, "id", MeetingsTypeNames.AgendaItem, "agenda item");
        if (item is null)
        {
            return change.Fail<AgendaItem>();
        }

        var items = await db.AgendaItems.AsTracking()
            .Where(a => a.MeetingId == item.MeetingId)
            .ToListAsync(cancellationToken);
        item = items.Single(a => a.Id == id);
        if (parentId is { } newParentId)
        {
            var parent = items.FirstOrDefault(a => a.Id == newParentId);
            if (parent is null)
            {
                errors.Add(NotFound("parentId", newParentId, "in this meeting"));
            }
            else if (AgendaRules.IsSelfOrDescendant(items, item, parent))
            {
                errors.Add(
                    new InputValidationError(
                        "parentId", "An agenda item cannot be moved under itself or one of its own sub-items."));
            }
            else if (AgendaRules.Depth(items, parent) + 1 + AgendaRules.Height(items, item) > AgendaItem.MaxDepth)
            {
                errors.Add(
                    new InputValidationError(
                        "parentId", $"The agenda nests at most {AgendaItem.MaxDepth} levels deep."));
            }
        }

        var oldSiblings = items.Where(a => a.ParentId == item.ParentId && a.Id != item.Id)
            .OrderBy(a => a.Position)
            .ToList();
        var newSiblings = items.Where(a => a.ParentId == parentId && a.Id != item.Id).OrderBy(a => a.Position).ToList();
        var newPosition = AgendaRules.Position(errors, position, newSiblings.Count + 1);
        if (change.Failed)
        {
            return change.Fail<AgendaItem>();
        }

        item.ParentId = parentId;
        newSiblings.Insert(newPosition - 1, item);
        AgendaRules.Renumber(oldSiblings);
        AgendaRules.Renumber(newSiblings);
        item.Version++;
        return await change.CommitAsync(item, "agenda item");
    }

    private static NotFoundError NotFound(string field, Guid id, string where) =>
        new(field, $"No agenda item has this id {where}.", GlobalId.Encode(MeetingsTypeNames.AgendaItem, id));
}
