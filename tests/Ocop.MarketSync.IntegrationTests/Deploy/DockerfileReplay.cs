using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>
/// Replays the file-changing steps of a Dockerfile stage without a container engine: each <c>COPY</c> brings
/// exactly the files Docker would send (the build context minus <c>.dockerignore</c>) into a scratch directory that
/// stands for the container's root, and each <c>RUN</c> runs the same command with <c>/bin/sh -c</c> in the mapped
/// <c>WORKDIR</c>, with the stage's <c>ARG</c>/<c>ENV</c> values in its environment.
/// </summary>
/// <remarks>
/// What differs from a container, on purpose: RUN options such as <c>--mount=type=cache</c> are dropped (a cache
/// only makes a step faster), so NuGet uses this machine's package folder and sources; absolute paths in a RUN
/// command outside the system directories (<c>-o /app</c>) are mapped into the scratch root, because the replay
/// must not write to this machine's <c>/app</c>; the SDK is the machine's (global.json, copied by the Dockerfile,
/// picks it as it would in the SDK image). MSBuild node reuse and the compiler server are off: in a container they
/// die with the step, here they would outlive the test.
/// </remarks>
public sealed partial class DockerfileReplay(string contextDirectory, string scratchDirectory, IReadOnlyDictionary<string, string> buildArgs)
{
    private readonly DockerIgnore _ignore = DockerIgnore.Read(contextDirectory);
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private string _workdir = "/";
    private IReadOnlyList<string>? _context;

    /// <summary>Stands for the container's <c>/</c>.</summary>
    public string Root { get; } = Path.Combine(scratchDirectory, "rootfs");

    /// <summary>Container paths of every file a COPY brought.</summary>
    public List<string> CopiedFiles { get; } = [];

    /// <summary>What the RUN commands wrote (stdout and stderr).</summary>
    public StringBuilder Output { get; } = new();

    public IReadOnlyList<string> Context => _context ??= _ignore.ContextFiles(contextDirectory);

    /// <summary>The scratch path of a container path.</summary>
    public string Map(string containerPath) =>
        Path.Combine(Root, Path.GetFullPath(containerPath, _workdir).TrimStart('/'));

    public async Task ReplayAsync(DockerStage stage, TimeSpan runTimeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "ARG":
                    var (name, defaultValue) = NameValue(instruction.Arguments);
                    _variables[name] = buildArgs.GetValueOrDefault(name) ?? defaultValue ?? string.Empty;
                    break;
                case "ENV":
                    foreach (Match pair in EnvPair().Matches(instruction.Arguments))
                    {
                        _variables[pair.Groups[1].Value] = Substitute(pair.Groups[2].Value.Trim('"'));
                    }

                    break;
                case "WORKDIR":
                    _workdir = Path.GetFullPath(Substitute(instruction.Arguments), _workdir);
                    Directory.CreateDirectory(Map(_workdir));
                    break;
                case "COPY":
                    Copy(instruction);
                    break;
                case "RUN":
                    await RunAsync(instruction, runTimeout, cancellationToken);
                    break;
                case "ADD" or "ONBUILD" or "SHELL":
                    throw new NotSupportedException($"Line {instruction.Line}: {instruction.Keyword} is not replayed; the build stage should not need it.");
                default:
                    // USER, EXPOSE, LABEL, ENTRYPOINT, CMD, HEALTHCHECK, …: metadata, no file changes.
                    break;
            }
        }
    }

    /// <summary>Values substituted the way Docker does in COPY and WORKDIR (<c>$NAME</c>, <c>${NAME}</c>).</summary>
    public string Substitute(string text) =>
        Variable().Replace(text, m => _variables.GetValueOrDefault(m.Groups[1].Value) ?? string.Empty);

    private void Copy(DockerInstruction instruction)
    {
        if (instruction.Flags.ContainsKey("from"))
        {
            throw new NotSupportedException($"Line {instruction.Line}: COPY --from is not replayed in a build stage.");
        }

        var words = instruction.ExecForm ?? instruction.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var destination = Substitute(words[^1]);
        var sources = words.Take(words.Count - 1).Select(Substitute).ToList();
        var intoDirectory = destination.EndsWith('/') || sources.Count > 1;
        foreach (var source in sources)
        {
            var matches = Resolve(source);
            if (matches.Count == 0)
            {
                throw new InvalidOperationException(
                    $"Line {instruction.Line}: COPY {source}: not in the build context (missing, or excluded by .dockerignore).");
            }

            foreach (var (file, relativeTarget) in matches)
            {
                var target = relativeTarget is null && !intoDirectory
                    ? Path.GetFullPath(destination, _workdir)
                    : Path.GetFullPath(Path.Combine(destination, relativeTarget ?? Path.GetFileName(file)), _workdir);
                Directory.CreateDirectory(Path.GetDirectoryName(Map(target))!);
                File.Copy(Path.Combine(contextDirectory, file), Map(target), overwrite: true);
                CopiedFiles.Add(target);
            }
        }
    }

    /// <summary>Context files of one COPY source; for a directory, each with its path below it (its content is copied, not the directory).</summary>
    public List<(string File, string? RelativeTarget)> Resolve(string source)
    {
        var clean = source.Trim('/');
        clean = clean.StartsWith("./", StringComparison.Ordinal) ? clean[2..] : clean;
        if (clean is "." or "")
        {
            return [.. Context.Select(f => (f, (string?)f))];
        }

        var pattern = DockerIgnore.ToRegex(clean);
        var files = Context.Where(f => pattern.IsMatch(f)).Select(f => (f, (string?)null)).ToList();
        if (files.Count > 0)
        {
            return files;
        }

        var directories = Context.Select(f => (File: f, Directory: f[..Math.Max(0, f.LastIndexOf('/'))]))
            .SelectMany(f => Ancestors(f.Directory).Where(d => pattern.IsMatch(d)).Select(d => (f.File, (string?)f.File[(d.Length + 1)..])))
            .ToList();
        return directories;
    }

    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var current = directory; current.Length > 0; current = current.Contains('/', StringComparison.Ordinal) ? current[..current.LastIndexOf('/')] : string.Empty)
        {
            yield return current;
        }
    }

    private async Task RunAsync(DockerInstruction instruction, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { WorkingDirectory = Map(_workdir), RedirectStandardOutput = true, RedirectStandardError = true };
        if (instruction.ExecForm is { } exec)
        {
            start.FileName = exec[0];
            exec.Skip(1).ToList().ForEach(start.ArgumentList.Add);
        }
        else
        {
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(ContainerPath().Replace(instruction.Arguments, m => Map(m.Value)));
        }

        PrepareEnvironment(start.Environment);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"Line {instruction.Line}: RUN did not finish within {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Line {instruction.Line}: RUN exited with {process.ExitCode}.");
        }
    }

    private void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        // A clean environment, as in a container: nothing of the test host (dotnet test sets MSBuild paths that would
        // steer the child build), only the machine's PATH, HOME (its NuGet cache), how it reaches the NuGet mirror
        // (proxy, CA bundle) and its DOTNET_/NUGET_ settings.
        var keep = environment.Where(e => e.Key is "PATH" or "HOME" or "TMPDIR" or "LANG" or "SSL_CERT_FILE" or "SSL_CERT_DIR"
            || e.Key.EndsWith("_proxy", StringComparison.OrdinalIgnoreCase)
            || ((e.Key.StartsWith("DOTNET_", StringComparison.Ordinal) || e.Key.StartsWith("NUGET_", StringComparison.Ordinal)) && e.Key != "DOTNET_HOST_PATH"))
            .ToList();
        environment.Clear();
        keep.ForEach(e => environment[e.Key] = e.Value);
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["UseSharedCompilation"] = "false";
        foreach (var (name, value) in _variables)
        {
            environment[name] = value;
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (Output)
            {
                Output.AppendLine(line);
            }
        }
    }

    private static (string Name, string? Value) NameValue(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (text.Trim(), null) : (text[..equals].Trim(), text[(equals + 1)..].Trim().Trim('"'));
    }

    [GeneratedRegex(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?")]
    private static partial Regex Variable();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S*)")]
    private static partial Regex EnvPair();

    /// <summary>An absolute path word of a shell command, except under the system directories the SDK image shares with this machine.</summary>
    [GeneratedRegex(@"(?<=^|[\s=])/(?!(?:bin|sbin|usr|lib|lib64|etc|dev|proc|sys|tmp|var|run)(?:/|\s|$))[^\s;&|'""]*")]
    private static partial Regex ContainerPath();
}
