using Microsoft.EntityFrameworkCore.Storage;

namespace InterAssociatif.Host.Tests.Persistence;

/// <summary>
/// EF Core's query executors are compiled with their closed inner lambdas (shaper, SQL resolver) made into
/// delegates once, not at every execution; a lambda that uses its surroundings is left as it was.
/// </summary>
public sealed class InnerLambdasTests
{
    [Fact]
    public void A_closed_inner_lambda_is_one_delegate_for_every_execution()
    {
        var y = Expression.Parameter(typeof(int), "y");
        var local = Expression.Variable(typeof(int), "local");
        var inner = Expression.Lambda<Func<int, int>>(
            Expression.Block([local], Expression.Assign(local, Expression.Add(y, Expression.Constant(1))), local), y);
        var outer = Expression.Lambda<Func<int, Func<int, int>>>(inner, Expression.Parameter(typeof(int), "x"));

        var run = InnerLambdasCompiledOnce.CompileInnerLambdas(outer).Compile();

        Assert.Same(run(1), run(2));
        Assert.Equal(42, run(0)(41));
        Assert.NotSame(outer.Compile()(1), outer.Compile()(1));
    }

    [Fact]
    public void An_inner_lambda_that_uses_an_outer_parameter_is_made_at_each_execution()
    {
        var x = Expression.Parameter(typeof(int), "x");
        var y = Expression.Parameter(typeof(int), "y");
        var outer = Expression.Lambda<Func<int, Func<int, int>>>(
            Expression.Lambda<Func<int, int>>(Expression.Add(x, y), y), x);

        var run = InnerLambdasCompiledOnce.CompileInnerLambdas(outer).Compile();

        Assert.Equal(5, run(2)(3));
        Assert.Equal(13, run(10)(3));
    }

    [Fact]
    public void A_quoted_lambda_stays_an_expression()
    {
        Expression<Func<int, Expression<Func<int, int>>>> outer = x => y => y * 2;

        var quoted = InnerLambdasCompiledOnce.CompileInnerLambdas(outer).Compile()(0);

        Assert.Equal(8, quoted.Compile()(4));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=none")]
    public void Every_module_context_compiles_its_queries_this_way(DatabaseProvider provider, string connectionString)
    {
        var options = ModuleDbContextRegistration.BuildOptions<DbContext>(
            new DatabaseOptions { Provider = provider, ConnectionString = connectionString },
            "test",
            []);
        using var db = new DbContext(options);

        Assert.IsType<InnerLambdasCompiledOnce>(db.GetService<IDatabase>());
    }
}
