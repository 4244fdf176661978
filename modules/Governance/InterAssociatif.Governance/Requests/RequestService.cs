using InterAssociatif.Governance.Bodies;

namespace InterAssociatif.Governance.Requests;

/// <summary>Records requests escalated to institutions and follows their answer: SUBMITTED → ACCEPTED → ANSWERED, or REJECTED.</summary>
internal sealed class RequestService(IDbContextFactory<GovernanceDbContext> factory, IDirectoryReader directory, TimeProvider time)
{

    public async Task<MutationResult<EscalatedRequest>> EscalateAsync(EscalateRequestInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var text = errors.Text("text", command.Text, EscalatedRequest.TextMaxLength, required: true);
        if (command.ExpectedAnswerOn < command.RaisedOn)
        {
            errors.Add(new InputValidationError("expectedAnswerOn", "The answer cannot be expected before the request is raised."));
        }

        if (command.RecipientOrganizationIds.Count + command.RecipientPersonIds.Count == 0)
        {
            errors.Add(new InputValidationError("recipientOrganizationIds", "A request is addressed to at least one organisation or person."));
        }

        var organizations = await directory.GetOrganizationsAsync(command.RecipientOrganizationIds, cancellationToken);
        var people = await directory.GetPeopleAsync(command.RecipientPersonIds, cancellationToken);
        for (var i = 0; i < command.RecipientOrganizationIds.Count; i++)
        {
            if (command.RecipientOrganizationIds[i] != Guid.Empty && !organizations.ContainsKey(command.RecipientOrganizationIds[i]))
            {
                errors.Add(new NotFoundError($"recipientOrganizationIds[{i}]", "No organisation has this id.", GlobalId.Encode(DirectoryTypeNames.Organization, command.RecipientOrganizationIds[i])));
            }
        }

        for (var i = 0; i < command.RecipientPersonIds.Count; i++)
        {
            if (command.RecipientPersonIds[i] != Guid.Empty && !people.ContainsKey(command.RecipientPersonIds[i]))
            {
                errors.Add(new NotFoundError($"recipientPersonIds[{i}]", "No person has this id.", GlobalId.Encode(DirectoryTypeNames.Person, command.RecipientPersonIds[i])));
            }
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Bodies.AnyAsync(b => b.Id == command.BodyId, cancellationToken))
        {
            errors.Add(BodyService.NotFound("bodyId", command.BodyId));
        }

        if (errors.Any)
        {
            return MutationResult<EscalatedRequest>.Fail(errors.Items);
        }

        var now = time.GetUtcNow();
        var request = new EscalatedRequest { Id = Guid.CreateVersion7(now), BodyId = command.BodyId, Text = text!, RaisedOn = command.RaisedOn, ExpectedAnswerOn = command.ExpectedAnswerOn, Status = RequestStatus.Submitted, Version = 1 };
        request.Recipients = command.RecipientOrganizationIds.Distinct().Select(o => new RequestRecipient { Id = Guid.CreateVersion7(now), RequestId = request.Id, OrganizationId = o })
            .Concat(command.RecipientPersonIds.Distinct().Select(p => new RequestRecipient { Id = Guid.CreateVersion7(now), RequestId = request.Id, PersonId = p })).ToList();
        db.Requests.Add(request);
        return await db.CommitAsync(transaction, request, "request", cancellationToken);
    }

    public async Task<MutationResult<EscalatedRequest>> SetStatusAsync(Guid id, RequestStatus status, string? answer, DateOnly on, ErrorList errors, CancellationToken cancellationToken)
    {
        var checkedAnswer = errors.Text("answer", answer, EscalatedRequest.TextMaxLength, required: status == RequestStatus.Answered);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.Requests.AsTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return MutationResult<EscalatedRequest>.Fail(new NotFoundError("id", "No request has this id.", GlobalId.Encode(GovernanceTypeNames.EscalatedRequest, id)));
        }

        var allowed = request.Status switch
        {
            RequestStatus.Submitted => status is RequestStatus.Accepted or RequestStatus.Rejected or RequestStatus.Answered,
            RequestStatus.Accepted => status is RequestStatus.Answered or RequestStatus.Rejected,
            _ => false,
        };
        if (!allowed)
        {
            errors.Add(new ConflictError("status", MessageText.CannotBecome("request", request.Status, status)));
        }

        if (on < request.RaisedOn)
        {
            errors.Add(new InputValidationError("on", "An answer cannot precede the request."));
        }

        if (errors.Any)
        {
            return MutationResult<EscalatedRequest>.Fail(errors.Items);
        }

        request.Status = status;
        if (status is RequestStatus.Answered or RequestStatus.Rejected)
        {
            request.Answer = checkedAnswer;
            request.AnsweredOn = on;
        }

        request.Version++;
        return await db.CommitAsync(transaction, request, "request", cancellationToken);
    }
}
