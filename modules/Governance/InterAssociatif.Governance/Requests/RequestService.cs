using InterAssociatif.Directory.Contracts;
using InterAssociatif.Governance.Bodies;
using InterAssociatif.Governance.Persistence;
using InterAssociatif.Kernel.Errors;
using InterAssociatif.Kernel.Persistence;
using InterAssociatif.Kernel.Relay;
using Microsoft.EntityFrameworkCore;

namespace InterAssociatif.Governance.Requests;

internal sealed record EscalateRequest(Guid BodyId, string? Text, DateOnly RaisedOn, DateOnly? ExpectedAnswerOn, IReadOnlyList<Guid> OrganizationIds, IReadOnlyList<Guid> PersonIds);

/// <summary>Records requests escalated to institutions and follows their answer: SUBMITTED → ACCEPTED → ANSWERED, or REJECTED.</summary>
internal sealed class RequestService(IDbContextFactory<GovernanceDbContext> factory, IDirectoryReader directory, TimeProvider time)
{
    public const string TypeName = "EscalatedRequest";

    public async Task<MutationResult<EscalatedRequest>> EscalateAsync(EscalateRequest command, ErrorList errors, CancellationToken cancellationToken)
    {
        var text = errors.Text("input.text", command.Text, EscalatedRequest.TextMaxLength, required: true);
        if (command.ExpectedAnswerOn < command.RaisedOn)
        {
            errors.Add(new InputValidationError("input.expectedAnswerOn", "The answer cannot be expected before the request is raised."));
        }

        if (command.OrganizationIds.Count + command.PersonIds.Count == 0)
        {
            errors.Add(new InputValidationError("input.recipientOrganizationIds", "A request is addressed to at least one organisation or person."));
        }

        var organizations = await directory.GetOrganizationsAsync(command.OrganizationIds, cancellationToken);
        var people = await directory.GetPeopleAsync(command.PersonIds, cancellationToken);
        for (var i = 0; i < command.OrganizationIds.Count; i++)
        {
            if (command.OrganizationIds[i] != Guid.Empty && !organizations.ContainsKey(command.OrganizationIds[i]))
            {
                errors.Add(new NotFoundError($"input.recipientOrganizationIds[{i}]", "No organisation has this id.", GlobalId.Encode(DirectoryTypeNames.Organization, command.OrganizationIds[i])));
            }
        }

        for (var i = 0; i < command.PersonIds.Count; i++)
        {
            if (command.PersonIds[i] != Guid.Empty && !people.ContainsKey(command.PersonIds[i]))
            {
                errors.Add(new NotFoundError($"input.recipientPersonIds[{i}]", "No person has this id.", GlobalId.Encode(DirectoryTypeNames.Person, command.PersonIds[i])));
            }
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Bodies.AnyAsync(b => b.Id == command.BodyId, cancellationToken))
        {
            errors.Add(BodyService.NotFound("input.bodyId", command.BodyId));
        }

        if (errors.Any)
        {
            return MutationResult<EscalatedRequest>.Fail(errors.Items);
        }

        var now = time.GetUtcNow();
        var request = new EscalatedRequest { Id = Guid.CreateVersion7(now), BodyId = command.BodyId, Text = text!, RaisedOn = command.RaisedOn, ExpectedAnswerOn = command.ExpectedAnswerOn, Status = RequestStatus.Submitted, Version = 1 };
        request.Recipients = command.OrganizationIds.Distinct().Select(o => new RequestRecipient { Id = Guid.CreateVersion7(now), RequestId = request.Id, OrganizationId = o })
            .Concat(command.PersonIds.Distinct().Select(p => new RequestRecipient { Id = Guid.CreateVersion7(now), RequestId = request.Id, PersonId = p })).ToList();
        db.Requests.Add(request);
        return await db.CommitAsync(transaction, request, "request", cancellationToken);
    }

    public async Task<MutationResult<EscalatedRequest>> SetStatusAsync(Guid id, RequestStatus status, string? answer, DateOnly on, ErrorList errors, CancellationToken cancellationToken)
    {
        var checkedAnswer = errors.Text("input.answer", answer, EscalatedRequest.TextMaxLength, required: status == RequestStatus.Answered);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.Requests.AsTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return MutationResult<EscalatedRequest>.Fail(new NotFoundError("input.id", "No request has this id.", GlobalId.Encode(TypeName, id)));
        }

        var allowed = request.Status switch
        {
            RequestStatus.Submitted => status is RequestStatus.Accepted or RequestStatus.Rejected or RequestStatus.Answered,
            RequestStatus.Accepted => status is RequestStatus.Answered or RequestStatus.Rejected,
            _ => false,
        };
        if (!allowed)
        {
            errors.Add(new ConflictError("input.status", MessageText.CannotBecome("request", request.Status, status)));
        }

        if (on < request.RaisedOn)
        {
            errors.Add(new InputValidationError("input.on", "An answer cannot precede the request."));
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
