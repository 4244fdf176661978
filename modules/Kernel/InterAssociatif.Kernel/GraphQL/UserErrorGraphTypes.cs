using GraphQL.Types;
using InterAssociatif.Kernel.Errors;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>The <c>UserError</c> interface every mutation payload's <c>errors</c> list holds.</summary>
public sealed class UserErrorInterfaceType : InterfaceGraphType<UserError>
{
    public UserErrorInterfaceType()
    {
        Name = "UserError";
        Description = "Why a mutation wrote nothing. Query `__typename` or the `code` to tell the kinds apart; `field` names the input field at fault (for example `input.name`).";
        Field(e => e.Message).Description("A sentence for a person.");
        Field(e => e.Code).Description("A stable code: NOT_FOUND, VALIDATION, CONFLICT or NOT_CONFIGURED.");
        Field(e => e.Field).Description("The input field concerned, as a path from the mutation's arguments (e.g. `input.email`).");
    }
}

public sealed class NotFoundErrorType : ObjectGraphType<NotFoundError>
{
    public NotFoundErrorType()
    {
        Name = "NotFoundError";
        Description = "An id in the input designates no record of the expected type.";
        Interface<UserErrorInterfaceType>();
        Field(e => e.Message).Description("A sentence for a person.");
        Field(e => e.Code).Description("Always NOT_FOUND.");
        Field(e => e.Field).Description("The input field holding the unknown id.");
        Field<IdGraphType>("id").Description("The id that was not found.").Resolve(ctx => ctx.Source.Id);
    }
}

public sealed class ValidationErrorType : ObjectGraphType<InputValidationError>
{
    public ValidationErrorType()
    {
        Name = "ValidationError";
        Description = "An input value breaks a rule: empty, too long, malformed, out of range.";
        Interface<UserErrorInterfaceType>();
        Field(e => e.Message).Description("A sentence for a person.");
        Field(e => e.Code).Description("Always VALIDATION.");
        Field(e => e.Field).Description("The input field at fault.");
    }
}

public sealed class ConflictErrorType : ObjectGraphType<ConflictError>
{
    public ConflictErrorType()
    {
        Name = "ConflictError";
        Description = "The input contradicts the current state: a duplicate, a lifecycle step not allowed now, or a concurrent change (reload and retry).";
        Interface<UserErrorInterfaceType>();
        Field(e => e.Message).Description("A sentence for a person.");
        Field(e => e.Code).Description("Always CONFLICT.");
        Field(e => e.Field).Description("The input field concerned.");
    }
}

public sealed class NotConfiguredErrorType : ObjectGraphType<NotConfiguredError>
{
    public NotConfiguredErrorType()
    {
        Name = "NotConfiguredError";
        Description = "The installation is not configured for what was asked (for example sending the minutes by "
            + "email without an SMTP server): an administrator's setting, not the input, must change.";
        Interface<UserErrorInterfaceType>();
        Field(e => e.Message).Description("A sentence for a person, naming the setting.");
        Field(e => e.Code).Description("Always NOT_CONFIGURED.");
        Field(e => e.Field).Description("The input field of the request that needs it.");
    }
}
