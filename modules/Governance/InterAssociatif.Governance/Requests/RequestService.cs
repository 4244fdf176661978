namespace InterAssociatif.Governance.Requests;

/// <summary>
/// Records requests escalated to institutions and follows their answer: SUBMITTED → ACCEPTED → ANSWERED, or REJECTED.
/// </summary>
internal sealed class RequestService(
    IDbContextFactory<GovernanceDbContext> factory, IMeetingsReader meetings, TimeProvider time)
{
    public async Task<MutationResult<EscalatedRequest>> EscalateAsync(
        EscalateRequestInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var text = errors.Text("text", command.Text, EscalatedRequest.TextMaxLength, required: true);
        if (command.ExpectedAnswerOn < command.RaisedOn)
        {
            errors.Add(
                new InputValidationError(
                    "expectedAnswerOn", "The answer cannot be expected before the request is raised."));
        }

        if (command.RecipientOrganizationIds.Count + command.RecipientPersonIds.Count == 0)
        {
            errors.Add(
                new InputValidationError(
                    "recipientOrganizationIds", "A request is addressed to at least one organisation or person."));
        }

        await DecisionService.CheckAgendaItemAsync(
            meetings, command.MeetingId, command.AgendaItemId, errors, cancellationToken);
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var now = time.GetUtcNow();
        var request = new EscalatedRequest
        {
            Id = Guid.CreateVersion7(now),
            BodyId = command.BodyId,
            MeetingId = command.MeetingId,
            AgendaItemId = command.AgendaItemId,
            Text = text ?? "",
            RaisedOn = command.RaisedOn,
            ExpectedAnswerOn = command.ExpectedAnswerOn,
            Status = RequestStatus.Submitted,
            Version = 1
        };
        request.Recipients = command.RecipientOrganizationIds.Distinct()
            .Select(o =>
                new RequestRecipient { Id = Guid.CreateVersion7(now), RequestId = request.Id, OrganizationId = o })
            .Concat(
                command.RecipientPersonIds.Distinct()
                    .Select(p =>
                        new RequestRecipient { Id = Guid.CreateVersion7(now), RequestId = request.Id, PersonId = p }))
            .ToList();
        change.Db.Requests.Add(request);
        return await change.CommitAsync(request, "request");
    }

    public async Task<MutationResult<EscalatedRequest>> SetStatusAsync(
        SetRequestStatusInput command, ErrorList errors, CancellationToken cancellationToken)
    {
        var (id, status, answer, on) = command;
        var checkedAnswer = errors.Text(
            "answer", answer, EscalatedRequest.TextMaxLength, required: status == RequestStatus.Answered);
        await using var change = await factory.BeginChangeAsync(errors, cancellationToken);
        var request = await change.FindAsync(
            change.Db.Requests, id, "id", GovernanceTypeNames.EscalatedRequest, "request");
        if (request is null)
        {
            return change.Fail<EscalatedRequest>();
        }

        var allowed = request.Status switch
        {
            RequestStatus.Submitted =>
                status is RequestStatus.Accepted or RequestStatus.Rejected or RequestStatus.Answered,
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

        request.Status = status;
        if (status is RequestStatus.Answered or RequestStatus.Rejected)
        {
            request.Answer = checkedAnswer;
            request.AnsweredOn = on;
        }

        request.Version++;
        return await change.CommitAsync(request, "request");
    }
}
