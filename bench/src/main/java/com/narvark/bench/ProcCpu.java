package com.narvark.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes on this host, read from Linux's {@code /proc/<pid>/stat}, in clock ticks. Figures are -1
 * when the process cannot be read (not Linux, another host, or gone).
 */
final class ProcCpu {

    // Field numbers of proc(5) stat, counted from 1 with field 2 the command in parentheses.
    private static final int PPID = 4;
    private static final int UTIME = 14;
    private static final int STIME = 15;
    private static final int CUTIME = 16;
    private static final int CSTIME = 17;

    private ProcCpu() {
    }

    /** User plus system time the process itself has used so far. */
    static long ticks(long pid) {
        long[] stat = stat(pid);
        return stat == null ? -1 : stat[UTIME] + stat[STIME];
    }

    static long parent(long pid) {
        long[] stat = stat(pid);
        return stat == null ? -1 : stat[PPID];
    }

    /** The command name, e.g. {@code postgres} or {@code java}; empty when unreadable. */
    static String command(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    /**
     * A PostgreSQL server's CPU so far: the postmaster's own time, every live child's (backends, autovacuum, WAL
     * writer, checkpointer …), and the postmaster's reaped children's ({@code cutime + cstime}), so that a backend
     * which exits between two readings still counts. A child that exits between the listing and the postmaster's
     * read is missed once; connections are pooled, so that is rare.
     */
    static long serverTicks(long postmasterPid) {
        long children = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                long[] stat = stat(pid);
                if (stat != null && stat[PPID] == postmasterPid) {
                    children += stat[UTIME] + stat[STIME];
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
        long[] postmaster = stat(postmasterPid);
        if (postmaster == null) {
            return -1;
        }
        return children + postmaster[UTIME] + postmaster[STIME] + postmaster[CUTIME] + postmaster[CSTIME];
    }

    /** The numeric fields of the stat line, indexed by their proc(5) field number; null when unreadable. */
    private static long[] stat(long pid) {
        String line;
        try {
            line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException | RuntimeException gone) {
            return null;
        }
        // The command may hold spaces and parentheses: the fields that follow start after the last ')'.
        String[] rest = line.substring(line.lastIndexOf(')') + 2).strip().split(" ");
        long[] fields = new long[CSTIME + 1];
        for (int field = PPID; field <= CSTIME; field++) {
            fields[field] = Long.parseLong(rest[field - 3]);
        }
        return fields;
    }
}
