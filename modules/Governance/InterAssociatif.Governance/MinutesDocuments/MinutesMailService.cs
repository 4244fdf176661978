using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace InterAssociatif.Governance.MinutesDocuments;

/// <summary>
/// What one <c>sendMinutes</c> did: the recipients it tried (with their outcome) and the people it could not reach.
/// </summary>
internal sealed record MinutesMailingReport(
    Guid MeetingId, int Revision, IReadOnlyList<MinutesMailing> Recipients, IReadOnlyList<string> WithoutAddress);

/// <summary>
/// Sends the minutes to the distribution list over SMTP: one message per person, the HTML as the body, the DOCX
/// attached. Each recipient is claimed in the database before its message leaves (so two coordinators sending at
/// once never both send), and its outcome is recorded; a later call retries only the failures unless asked.
/// </summary>
internal sealed class MinutesMailService(
    IDbContextFactory<GovernanceDbContext> factory,
    MinutesDocumentReader reader,
    IGraphQLRunner graphQL,
    IOptionsMonitor<SmtpOptions> smtp,
    TimeProvider time
)
{
    private const string Interrupted =
        "The sending was interrupted (the request timed out or was cancelled) before the server accepted this message.";

    private const string RecipientsQuery = """
        query MinutesRecipients($id: ID!) {
          meeting(id: $id) {
            distributionList {
              isDefault
              people { ...Recipient }
              organizations { affiliations(currentOnly: true) { person { ...Recipient } } }
            }
          }
        }
        fragment Recipient on Person { id givenName familyName email }
        """;

    public async Task<MutationResult<MinutesMailingReport>> SendAsync(
        SendMinutesInput command, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var options = smtp.CurrentValue;
        if (string.IsNullOrWhiteSpace(options.Host) || !MailboxAddress.TryParse(options.From ?? "", out var from))
        {
            return Fail(
                new NotConfiguredError(
                    "meetingId", "Sending email is not configured here: an administrator sets Smtp:Host and Smtp:From.")
            );
        }

        var (document, missing, _) = await reader.ReadAsync(
            command.MeetingId, command.Revision, user, cancellationToken);
        if (document is null)
        {
            return Fail(missing!);
        }

        if (document.IsDraft != (command.ForReview == true))
        {
            return Fail(
                new ConflictError(
                    "forReview",
                    document.IsDraft
                        ? "These minutes are a draft: publish them, or set `forReview: true` to send the draft "
                            + "« pour relecture »."
                        : "These minutes are published: `forReview` sends a draft only."
                )
            );
        }

        var (recipients, withoutAddress) = await RecipientsAsync(command.MeetingId, user, cancellationToken);
        var revision = document.Revision ?? 0;
        var claimed = await ClaimAsync(command, revision, recipients, cancellationToken);
        if (claimed.Error is { } refused)
        {
            return Fail(refused);
        }

        var sent = await DeliverAsync(options, from, document, claimed.Rows, cancellationToken);
        return MutationResult<MinutesMailingReport>.Ok(
            new MinutesMailingReport(command.MeetingId, revision, sent, withoutAddress));
    }

    private static MutationResult<MinutesMailingReport> Fail(UserError error) =>
        MutationResult<MinutesMailingReport>.Fail(error);

    private sealed record Recipient(Guid? PersonId, string Name, string Address);

    /// <summary>
    /// The distribution list's people with an address, once per address; the names of those without one. An
    /// organisation on a list a coordinator set is reached through the people affiliated with it today (the Directory
    /// holds no organisation mailbox); on the default list (participants and excused) the invited organisations are
    /// reached through their participants and excused only, as the minutes' « Diffusion » says.
    /// </summary>
    private async Task<(List<Recipient> Recipients, List<string> WithoutAddress)> RecipientsAsync(
        Guid meetingId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, object?>
        {
            ["id"] = GlobalId.Encode(MeetingsTypeNames.Meeting, meetingId),
        };
        var data = await graphQL.RunAsync(RecipientsQuery, variables, user, cancellationToken);
        var list = data.GetProperty("meeting").GetProperty("distributionList");
        var listed = list.GetProperty("people").EnumerateArray();
        var affiliated = list.GetProperty("isDefault").GetBoolean()
            ? Enumerable.Empty<JsonElement>()
            : list.GetProperty("organizations")
                .EnumerateArray()
                .SelectMany(o => o.GetProperty("affiliations").EnumerateArray())
                .Select(a => a.GetProperty("person"));
        var people = listed
            .Concat(affiliated)
            .DistinctBy(p => p.GetProperty("id").GetString())
            .Select(p =>
                (
                    Id: GlobalId.TryDecode(p.GetProperty("id").GetString(), DirectoryTypeNames.Person, out var id)
                        ? id
                        : (Guid?)null,
                    Name: $"{p.GetProperty("givenName").GetString()} {p.GetProperty("familyName").GetString()}",
                    Email: p.GetProperty("email") is { ValueKind: JsonValueKind.String } email
                        ? email.GetString()!.Trim()
                        : ""
                )
            )
            .ToList();
        var recipients = people
            .Where(p => p.Email.Length > 0)
            .DistinctBy(p => p.Email, StringComparer.OrdinalIgnoreCase)
            .Select(p => new Recipient(p.Id, p.Name, p.Email))
            .ToList();
        return (recipients, people.Where(p => p.Email.Length == 0).Select(p => p.Name).ToList());
    }

    /// <summary>
    /// Takes the recipients this call sends to: new ones, failed ones, ones whose sending was interrupted (a stopped
    /// process), and with <c>resend</c> those already served. A row is taken by a conditional update, so a concurrent
    /// call never takes it too.
    /// </summary>
    private async Task<(List<MinutesMailing> Rows, UserError? Error)> ClaimAsync(
        SendMinutesInput command, int revision, List<Recipient> recipients, CancellationToken cancellationToken)
    {
        if (recipients.Count == 0)
        {
            return (
                [],
                new InputValidationError("meetingId", "No one on the meeting's distribution list has an email address.")
            );
        }

        var now = time.GetUtcNow();
        var stale = now - (smtp.CurrentValue.Timeout * 4);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db
            .MinutesMailings.Where(m => m.MeetingId == command.MeetingId && m.Revision == revision)
            .ToListAsync(cancellationToken);
        var byAddress = existing.ToDictionary(m => m.Address, StringComparer.OrdinalIgnoreCase);
        var fresh = recipients
            .Where(r => !byAddress.ContainsKey(r.Address))
            .Select(r => new MinutesMailing
            {
                Id = Guid.CreateVersion7(now),
                MeetingId = command.MeetingId,
                Revision = revision,
                Address = r.Address,
                PersonId = r.PersonId,
                Status = MinutesMailingStatus.Sending,
                Attempts = 1,
                LastAttemptAt = now,
            })
            .ToList();
        var retried = recipients
            .Select(r => byAddress.GetValueOrDefault(r.Address))
            .OfType<MinutesMailing>()
            .Where(m =>
                m.Status == MinutesMailingStatus.Failed
                || (m.Status == MinutesMailingStatus.Sending && m.LastAttemptAt < stale)
                || (m.Status == MinutesMailingStatus.Sent && command.Resend == true)
            )
            .ToList();
        if (fresh.Count + retried.Count == 0)
        {
            return (
                [],
                existing.Any(m => m.Status == MinutesMailingStatus.Sending)
                    ? new ConflictError(
                        "meetingId", "These minutes are being sent right now; look at `minutesMailings` in a moment.")
                    : new ConflictError(
                        "resend",
                        $"Every recipient already received {(revision == 0 ? "the draft" : $"revision {revision}")}: "
                            + "set `resend: true` to send it again."
                    )
            );
        }

        try
        {
            db.MinutesMailings.AddRange(fresh);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            return (
                [],
                new ConflictError(
                    "meetingId", "These minutes are being sent right now; look at `minutesMailings` in a moment.")
            );
        }

        var claimed = new List<MinutesMailing>(fresh);
        foreach (var row in retried)
        {
            var taken = await db
                .MinutesMailings.Where(m => m.Id == row.Id && m.Status == row.Status && m.Attempts == row.Attempts)
                .ExecuteUpdateAsync(
                    set =>
                        set.SetProperty(m => m.Status, MinutesMailingStatus.Sending)
                            .SetProperty(m => m.Attempts, row.Attempts + 1)
                            .SetProperty(m => m.LastAttemptAt, now),
                    cancellationToken
                );
            if (taken == 1)
            {
                row.Status = MinutesMailingStatus.Sending;
                row.Attempts++;
                row.LastAttemptAt = now;
                claimed.Add(row);
            }
        }

        return (claimed, null);
    }

    /// <summary>One connection, one message per recipient; each outcome is written as soon as it is known.</summary>
    private async Task<List<MinutesMailing>> DeliverAsync(
        SmtpOptions options,
        MailboxAddress from,
        MinutesDocument document,
        List<MinutesMailing> rows,
        CancellationToken cancellationToken
    )
    {
        var html = MinutesFormats.Html(document);
        var markdown = MinutesFormats.Markdown(document);
        var docx = MinutesFormats.Docx(document);
        var subject = document.IsDraft
            ? $"Projet de compte rendu (pour relecture) — {document.Object} — {FrenchDates.Short(document.MeetingDay)}"
            : $"Compte rendu — {document.Object} — {FrenchDates.Short(document.MeetingDay)}";
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        string? unreachable = null;
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, options.Security, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
        }
        catch (Exception exception)
            when (exception
                    is IOException
                        or System.Net.Sockets.SocketException
                        or SmtpCommandException
                        or SmtpProtocolException
                        or MailKit.Security.AuthenticationException
                        or MailKit.Security.SslHandshakeException
                        or TimeoutException
            )
        {
            unreachable = $"The SMTP server could not be used: {exception.Message}";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            unreachable = Interrupted;
        }

        foreach (var row in rows)
        {
            var error = unreachable;
            if (error is null && !MailboxAddress.TryParse(row.Address, out _))
            {
                error = "Not a valid email address.";
            }
            else if (error is null)
            {
                try
                {
                    var body = new BodyBuilder { HtmlBody = html, TextBody = markdown };
                    body.Attachments.Add(
                        document.FileName("docx"),
                        docx,
                        ContentType.Parse(MinutesFormats.MediaType(MinutesFormat.Docx))
                    );
                    using var message = new MimeMessage(
                        [from], [MailboxAddress.Parse(row.Address)], subject, body.ToMessageBody());
                    await client.SendAsync(message, cancellationToken);
                }
                catch (SmtpCommandException refused)
                {
                    error = $"Refused by the SMTP server ({(int)refused.StatusCode}): {refused.Message}";
                }
                catch (Exception broken)
                    when (broken is IOException or SmtpProtocolException or ServiceNotConnectedException)
                {
                    unreachable = error = $"The connection to the SMTP server broke: {broken.Message}";
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // The request timed out or its client left: this one and the rest are recorded as failed (a
                    // message cut off while being handed over may still arrive), so that sending again retries them.
                    unreachable = error = Interrupted;
                }
            }

            await RecordAsync(row, error);
        }

        cancellationToken.ThrowIfCancellationRequested();

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }

        return rows;
    }

    /// <summary>Written even when the caller has gone: the message left (or did not), and that must be known.</summary>
    private async Task RecordAsync(MinutesMailing row, string? error)
    {
        var now = time.GetUtcNow();
        row.Status = error is null ? MinutesMailingStatus.Sent : MinutesMailingStatus.Failed;
        row.Error = error?[..Math.Min(error.Length, MinutesMailing.ErrorMaxLength)];
        row.SentAt = error is null ? now : row.SentAt;
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        await db
            .MinutesMailings.Where(m => m.Id == row.Id)
            .ExecuteUpdateAsync(set =>
                set.SetProperty(m => m.Status, row.Status)
                    .SetProperty(m => m.Error, row.Error)
                    .SetProperty(m => m.SentAt, row.SentAt)
            );
    }
}
