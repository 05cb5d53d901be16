using System.Runtime.InteropServices;

namespace LinkCheck.Core.Discovery;

/// <summary>
/// Tells a regular file from a FIFO, a socket or a device before anything opens it: opening a FIFO for reading
/// blocks until some process writes to it, so a repository (or an event path) holding a FIFO named <c>x.md</c>
/// would hang the run (issue 9). .NET reports no file type beyond "directory", so on Unix this asks the runtime's
/// own native shim (<c>SystemNative_Stat</c> in libSystem.Native, which every .NET runtime ships and whose
/// status struct starts with flags and <c>st_mode</c>, dotnet/runtime Interop.Stat.cs).
/// </summary>
public static class RegularFile
{
    private const int TypeMask = 0xF000;   // S_IFMT
    private const int Regular = 0x8000;    // S_IFREG

    /// <summary>
    /// True when <paramref name="path"/> (after symbolic links) is a regular file. Off Unix every existing file
    /// counts as regular (Windows has no FIFOs in the file system).
    /// </summary>
    public static bool Is(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        try
        {
            return Stat(path, out var status) == 0 && (status.Mode & TypeMask) == Regular;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No shim (an unusual runtime): a FIFO or device reports no size, a regular file with content does.
            return new FileInfo(path).Length > 0;
        }
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code enabled for the whole assembly.
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
#pragma warning disable SYSLIB1054
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);
#pragma warning restore SYSLIB1054

    // The shim's struct begins with these fields; the padding is larger than the rest of it, so the native side
    // never writes past what is allocated here.
    [StructLayout(LayoutKind.Sequential)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public Padding Rest;
    }

    [System.Runtime.CompilerServices.InlineArray(32)]
    private struct Padding
    {
        private long _element;
    }
}
