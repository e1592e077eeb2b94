import ScorecastCore

/// Statistical process control as NHS England's "Making Data Count" defines it.
///
/// An ``XmR`` spec (improvement direction, screening, fixed and rebased limits, target)
/// analyses a ``TimeSeries`` into an ``XmRAnalysis``: the mean and process limits of every
/// segment, the special-cause verdict of every point under the four Making Data Count rules,
/// the variation icon of every segment and the assurance icon against a target. Segments
/// with fewer than twelve points get no limits and say so. ``SeasonalXmR`` applies the same
/// rules to a series after its usual seasonal pattern has been taken out.
///
/// The reference implementation is NHSRplotthedots (NHS-R Community, version 0.2.2,
/// <https://github.com/nhs-r-community/NHSRplotthedots>); this module follows its
/// published algorithm and is checked against its output on committed fixtures.
public enum ScorecastSPC {}
