/// Which direction of an indicator is good.
///
/// Spelled as the tidy indicator catalogue spells it. Polarity decides how ranks and quartile
/// bands run and whether a significant difference reads `better`/`worse` or `higher`/`lower`.
public enum Polarity: String, Sendable, CaseIterable {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"
    case neutral
}
