namespace InterAssociatif.Kernel.Persistence;

/// <summary>
/// Turns a query that captured <paramref name="captured"/> into a lambda body taking it as
/// <paramref name="parameter"/>, so that EF Core can compile it once: every read of the captured value
/// becomes the parameter. <see cref="CapturesOther"/> tells whether the query captured anything else
/// (a loop variable, a local computed from the value): such a query cannot be compiled. A query may also
/// read its context inside (<c>db.Invitations.Any(…)</c>): <paramref name="context"/> names the context
/// instance and the lambda's parameter that stands for it.
/// </summary>
internal sealed class CapturedAsParameter(
    object captured, ParameterExpression parameter, (object Instance, ParameterExpression Parameter)? context = null)
    : ExpressionVisitor
{
    public bool CapturesOther { get; private set; }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is ConstantExpression { Value: { } closure } && IsClosure(closure))
        {
            var value = node.Member switch
            {
                FieldInfo field => field.GetValue(closure),
                PropertyInfo property => property.GetValue(closure),
                _ => null,
            };
            if (ReferenceEquals(value, captured) && node.Type == parameter.Type)
            {
                return parameter;
            }

            if (context is var (instance, standIn) && ReferenceEquals(value, instance)
                && standIn.Type.IsAssignableFrom(node.Type))
            {
                return node.Type == standIn.Type ? standIn : Expression.Convert(standIn, node.Type);
            }

            CapturesOther = true;
            return node;
        }

        return base.VisitMember(node);
    }

    protected override Expression VisitConstant(ConstantExpression node)
    {
        CapturesOther |= node.Value is { } value && IsClosure(value);
        return node;
    }

    private static bool IsClosure(object value) =>
        value.GetType().IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
}
