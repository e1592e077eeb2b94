/// Colours: Making Data Count's SPC palette (as NHSRplotthedots ships it) and a neutral
/// palette for forecasts and comparators, chosen to stay distinguishable with common
/// colour-vision deficiencies (blue against orange, never red against green).
public enum Palette {
    public static let commonCause = "#a6a6a6"
    public static let improvement = "#00b0f0"
    public static let concern = "#e46c0a"
    public static let neutralSpecial = "#490092"
    public static let meanLine = "#000000"
    public static let limitLine = "#7f7f7f"
    public static let target = "#de1b1b"

    public static let ink = "#231f20"
    public static let mutedInk = "#555555"
    public static let grid = "#e5e5e5"
    public static let axis = "#8c8c8c"
    public static let series = "#005eb8"
    public static let forecast = "#e46c0a"
    public static let band80 = "#f6c49b"
    public static let band95 = "#fbe3cf"
    public static let local = "#005eb8"
    public static let comparator = "#7f7f7f"
}
