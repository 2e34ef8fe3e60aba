namespace Peninsula.Core;

/// <summary>Progress of a long computation: completed and total units (runs).</summary>
public readonly record struct WorkProgress(long Completed, long Total, string Stage);
