// Says whether .NET assemblies are ReadyToRun (precompiled native code beside the IL) or IL only, and exits with 1
// when one is IL only. A ReadyToRun image has a managed native header in its CLI header (ECMA-335 II.25.3.3,
// "ManagedNativeHeader"; the runtime's ReadyToRun format, docs/design/coreclr/botr/readytorun-format.md).
//   dotnet run .ci/ReadyToRun.cs -- FILE...
using System.Reflection.PortableExecutable;

var ilOnly = 0;
foreach (var path in args)
{
    using var stream = File.OpenRead(path);
    using var reader = new PEReader(stream);
    var readyToRun = reader.HasMetadata && reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    Console.WriteLine($"{path}: {(readyToRun ? "ReadyToRun" : "IL only")}");
    if (!readyToRun)
    {
        ilOnly++;
    }
}

return args.Length == 0 || ilOnly > 0 ? 1 : 0;
