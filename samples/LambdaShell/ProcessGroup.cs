using System.Runtime.InteropServices;

namespace LambdaShell;

/// <summary>
/// Signals a whole process group. <see cref="System.Diagnostics.Process.Kill(bool)"/> follows parent links, so it
/// misses a background child whose shell already exited (it is re-parented to init); the group still holds it.
/// </summary>
public static class ProcessGroup
{
    private const int SigKill = 9;

    /// <summary>Kills every process in the group; a group that is already gone is not an error.</summary>
    public static void Kill(int groupId)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(groupId, 1);
        _ = kill(-groupId, SigKill);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
