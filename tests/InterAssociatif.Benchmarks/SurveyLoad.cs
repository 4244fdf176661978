using System.Data.Common;
using InterAssociatif.Surveys.Responses;

namespace InterAssociatif.Benchmarks;

/// <summary>
/// Writes a closed survey with many submitted responses straight into the Surveys tables: the
/// survey and its questions through EF, the responses and answers through one prepared command
/// each, in one transaction. Questions cycle through single choice, multiple choice, ranking and
/// priority matrix, four options each; choices are random but seeded, so a run is repeatable.
/// </summary>
public static class SurveyLoad
{
    /// <param name="texts">
    /// Every fifth question a free-text one, answered by every response (the aggregates benchmark has none).
    /// </param>
    internal static async Task<Guid> CreateAsync(
        SurveysDbContext db,
        int responses,
        int questions,
        int seed,
        bool texts = false,
        CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var survey = new Survey
        {
            Id = Guid.CreateVersion7(),
            Title = $"Charge de {responses} réponses",
            OpensOn = new DateOnly(2024, 1, 1),
            ClosesOn = new DateOnly(2024, 12, 31),
            Status = SurveyStatus.Closed,
            CreatedAt = start,
            Version = 1
        };
        var kinds = new[]
        {
            QuestionKind.SingleChoice,
            QuestionKind.MultipleChoice,
            QuestionKind.Ranking,
            QuestionKind.PriorityMatrix
        };
        for (var q = 0; q < questions; q++)
        {
            var question = new Question
            {
                Id = Guid.CreateVersion7(),
                SurveyId = survey.Id,
                Position = q + 1,
                Text = $"Question {q + 1}",
                Kind = kinds[q % kinds.Length]
            };
            question.Kind = texts && q % 5 == 4 ? QuestionKind.FreeText : question.Kind;
            question.Options = question.Kind == QuestionKind.FreeText
                ? []
                : Enumerable.Range(1, 4)
                    .Select(o =>
                        new QuestionOption
                        {
                            Id = Guid.CreateVersion7(),
                            QuestionId = question.Id,
                            Position = o,
                            Label = $"Option {o}"
                        })
                    .ToList();
            survey.Questions.Add(question);
        }

        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var audience = Command(
            connection,
            transaction,
            """INSERT INTO "SurveysAudience" ("SurveyId", "OrganizationId") VALUES ($s, $o)""",
            "$s",
            "$o");
        await using var response = Command(
            connection,
            transaction,
            """
                INSERT INTO "SurveysResponses" ("Id", "SurveyId", "OrganizationId", "Status", "SubmittedAt", "Late",
                "EnteredBy", "UpdatedAt", "Version") VALUES ($id, $s, $o, 'Submitted', $at, 0, 'member', $at, 1)
                """,
            "$id",
            "$s",
            "$o",
            "$at");
        await using var answer = Command(
            connection,
            transaction,
            """
                INSERT INTO "SurveysAnswers" ("Id", "ResponseId", "SurveyId", "SubmittedAt", "QuestionId", "OptionId",
                "Rank", "Level", "Text") VALUES ($id, $r, $s, $at, $q, $opt, $rank, $level, $text)
                """,
            "$id",
            "$r",
            "$s",
            "$at",
            "$q",
            "$opt",
            "$rank",
            "$level",
            "$text");
        for (var i = 0; i < responses; i++)
        {
            var organization = Guid.CreateVersion7();
            var responseId = Guid.CreateVersion7();
            var at = start.AddMinutes(i).UtcTicks;
            await Run(audience, cancellationToken, Key(survey.Id), Key(organization));
            await Run(response, cancellationToken, Key(responseId), Key(survey.Id), Key(organization), at);
            foreach (var question in survey.Questions)
            {
                if (question.Kind == QuestionKind.FreeText)
                {
                    var text = $"Texte {i}";
                    await Run(
                        answer, cancellationToken, Key(Guid.CreateVersion7()), Key(responseId), Key(survey.Id), at,
                        Key(question.Id), DBNull.Value, DBNull.Value, DBNull.Value, text);
                    continue;
                }

                var options = question.Options.OrderBy(_ => random.Next()).ToList();
                var chosen = question.Kind == QuestionKind.SingleChoice ? 1 : random.Next(1, 5);
                for (var k = 0; k < chosen; k++)
                {
                    await Run(answer, cancellationToken,
                        Key(Guid.CreateVersion7()), Key(responseId), Key(survey.Id), at, Key(question.Id), Key(
                            options[k].Id),
                        question.Kind == QuestionKind.Ranking ? k + 1 : DBNull.Value,
                        question.Kind == QuestionKind.PriorityMatrix
                            ? (int)(k == 0 ? PriorityLevel.Primary : PriorityLevel.Secondary)
                            : DBNull.Value,
                        DBNull.Value);
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return survey.Id;
    }

    /// <summary>EF Core's SQLite provider stores a GUID as upper-case text.</summary>
    private static string Key(Guid id) => id.ToString().ToUpperInvariant();

    private static DbCommand Command(
        DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static async Task Run(DbCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
