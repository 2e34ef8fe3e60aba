// Locals are not zeroed on entry (every stackalloc here is written before it is read): the JIT otherwise clears the
// large vector frames of the hot step methods on every call.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
