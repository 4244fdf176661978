namespace InterAssociatif.Kernel.GraphQL;

/// <summary>The <c>UserError</c> interface every mutation payload's <c>errors</c> list holds.</summary>
public sealed class UserErrorInterfaceType : InterfaceGraphType<UserError>
{
    public UserErrorInterfaceType()
    {
        Name = "UserError";
        Description = "Why a mutation wrote nothing. Query `__typename` or the `code` to tell the kinds apart; `field` "
            + "names the input field at fault (for example `input.name`).";
        Field(e => e.Message).Description("A sentence for a person.");
        Field(e => e.Code).Description("A stable code: NOT_FOUND, VALIDATION, CONFLICT or NOT_CONFIGURED.");
        Field(e => e.Field)
            .Description("The input field concerned, as a path from the mutation's arguments (e.g. `input.email`).");
    }
}

/// <summary>
/// An implementation of <c>UserError</c>: its GraphQL name, what it means, its constant <c>code</c> and what
/// its <c>field</c> names; the three fields of the interface come first, a kind's own fields after them.
/// </summary>
public abstract class UserErrorType<TError> : ObjectGraphType<TError>
    where TError : UserError
{
    protected UserErrorType(string name, string description, string code, string field, string? message = null)
    {
        Name = name;
        Description = description;
        Interface<UserErrorInterfaceType>();
        Field(e => e.Message).Description(message ?? "A sentence for a person.");
        Field(e => e.Code).Description($"Always {code}.");
        Field(e => e.Field).Description(field);
    }
}

public sealed class NotFoundErrorType : UserErrorType<NotFoundError>
{
    public NotFoundErrorType()
        : base(
            "NotFoundError",
            "An id in the input designates no record of the expected type.",
            "NOT_FOUND",
            "The input field holding the unknown id."
        ) => Field<IdGraphType>("id").Description("The id that was not found.").Resolve(ctx => ctx.Source.Id);
}

public sealed class ValidationErrorType()
    : UserErrorType<InputValidationError>(
        "ValidationError",
        "An input value breaks a rule: empty, too long, malformed, out of range.",
        "VALIDATION",
        "The input field at fault."
    );

public sealed class ConflictErrorType()
    : UserErrorType<ConflictError>(
        "ConflictError",
        "The input contradicts the current state: a duplicate, a lifecycle step not allowed now, or a concurrent "
            + "change (reload and retry).",
        "CONFLICT",
        "The input field concerned."
    );

public sealed class NotConfiguredErrorType()
    : UserErrorType<NotConfiguredError>(
        "NotConfiguredError",
        "The installation is not configured for what was asked (for example sending the minutes by "
            + "email without an SMTP server): an administrator's setting, not the input, must change.",
        "NOT_CONFIGURED",
        "The input field of the request that needs it.",
        "A sentence for a person, naming the setting."
    );
