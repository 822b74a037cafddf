#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// Makes `print` write line by line even when stdout is a pipe (as under `hexr up`), instead of in
/// blocks that appear only when the buffer fills or the process exits. Call once, before printing.
func makeStandardOutputLineBuffered() {
    setvbuf(stdout, nil, _IOLBF, 0)
}
