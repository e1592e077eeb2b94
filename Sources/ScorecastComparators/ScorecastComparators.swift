/// Comparisons of a local authority's rates with its statistical neighbours, its region and
/// England: intervals, significance, ranks, quartile bands and funnel limits.
public enum ScorecastComparators {}
