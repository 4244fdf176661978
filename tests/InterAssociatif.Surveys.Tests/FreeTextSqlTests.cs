using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace InterAssociatif.Surveys.Tests;

/// <summary>
/// The free texts of many questions are one statement on both providers, each question's window numbered by a
/// window function; on SQL Server (no server here) the statement EF Core writes is parsed by ScriptDom.
/// </summary>
public sealed class FreeTextSqlTests
{
    private static readonly Guid[] Questions = [Guid.CreateVersion7(), Guid.CreateVersion7()];

    [Fact]
    public void On_sql_server_the_windows_of_every_question_are_one_valid_statement()
    {
        using var db = new SurveysSqlServerDesignFactory().CreateDbContext([]);

        var sql = Window(db);

        var parsed = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.Empty(errors);
        // EF Core declares the parameters before the one query.
        Assert.Single(((TSqlScript)parsed).Batches.SelectMany(b => b.Statements).OfType<SelectStatement>());
        Assert.Contains("ROW_NUMBER() OVER(PARTITION BY", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void On_sqlite_the_windows_of_every_question_are_one_statement()
    {
        using var db = new SurveysSqliteDesignFactory().CreateDbContext([]);

        var sql = Window(db);

        Assert.Contains("ROW_NUMBER() OVER(PARTITION BY", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("LIMIT", sql, StringComparison.Ordinal);
    }

    private static string Window(SurveysDbContext db) =>
        new ResultsService.FreeTexts(db, Guid.CreateVersion7(), DateTimeOffset.UnixEpoch)
            .Window(Questions, 5, 10)
            .ToQueryString();
}
