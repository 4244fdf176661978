namespace InterAssociatif.Testing;

/// <summary>
/// The logs of the whole test run, for the scan that follows it (<c>tests/run.sh</c>): when
/// <c>INTERASSOCIATIF_TEST_LOGS</c> names a folder, every host of the run — in-process or a real process —
/// writes there every log line at every level, with its scopes, structured values and exception, one file per
/// host. The console keeps its own level.
/// </summary>
public static class SuiteLogs
{
    public const string Variable = "INTERASSOCIATIF_TEST_LOGS";

    /// <summary>The folder of this run's logs, or null when they are not kept.</summary>
    public static string? Folder =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder ? folder : null;

    /// <summary>
    /// A new file of the run's log folder, named after what writes it; lines written from any thread, and
    /// after it is closed (a process's last output), are kept or dropped whole.
    /// </summary>
    public sealed class File(string writer) : IDisposable
    {
        private readonly StreamWriter _writer = Open(writer);
        private readonly Lock _lock = new();
        private bool _closed;

        public void Write(string? line)
        {
            lock (_lock)
            {
                if (!_closed && line is not null)
                {
                    _writer.WriteLine(line);
                }
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _closed = true;
                _writer.Dispose();
            }
        }

        private static StreamWriter Open(string writer)
        {
            System.IO.Directory.CreateDirectory(Folder!);
            var path = System.IO.Path.Combine(Folder!, $"{writer}-{Guid.NewGuid():N}.log");
            return new StreamWriter(path, append: false, Encoding.UTF8) { AutoFlush = true };
        }
    }

    /// <summary>Adds the file logger to an in-process host (nothing when the run keeps no logs).</summary>
    public static void AddTo(IServiceCollection services)
    {
        if (Folder is not null)
        {
            services.AddLogging(logging =>
            {
                logging.AddProvider(new FileLoggerProvider(new File("in-process")));
                logging.AddFilter<FileLoggerProvider>(null, LogLevel.Trace);
            });
        }
    }

    [ProviderAlias("SuiteLogFile")]
    private sealed class FileLoggerProvider(File file) : ILoggerProvider, ISupportExternalScope
    {
        private readonly File _file = file;
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() => _file.Dispose();

        private sealed class FileLogger(FileLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => provider._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(
                LogLevel logLevel,
                EventId eventId,
                TState state,
                Exception? exception,
                Func<TState, Exception?, string> formatter
            )
            {
                var line = new StringBuilder($"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}");
                provider._scopes.ForEachScope((scope, text) => text.Append(" => ").Append(Text(scope)), line);
                line.Append(" | ").Append(Text(state));
                if (exception is not null)
                {
                    line.Append(" | ").Append(exception);
                }

                provider._file.Write(line.Replace('\n', ' ').Replace('\r', ' ').ToString());
            }

            private static string Text(object? value) =>
                value is IEnumerable<KeyValuePair<string, object?>> pairs
                    ? string.Join(' ', pairs.Where(p => p.Key != "{OriginalFormat}").Select(p => $"{p.Key}={p.Value}"))
                    : $"{value}";
        }
    }
}
