/// The scorecard data layer: the tidy CSV formats every analysis reads and every export
/// writes, the indicator catalogue, and the import of a published scorecard.
public enum ScorecastData {}
