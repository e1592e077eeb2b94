import Testing

@testable import ScorecastData

@Suite("CSV numbers rounded for reports")
struct CSVNumberRoundingTests {
    @Test(arguments: [
        (1743.420996437263, 1, "1743.4"), (28.999999999999996, 2, "29"), (-0.04, 1, "-0"), (0.125, 2, "0.13"),
        (12.5, 0, "13"), (Double.nan, 2, ""), (1e20, 2, "1e+20"), (-3.14159, 3, "-3.142"),
    ])
    func roundedToPlaces(value: Double, places: Int, text: String) {
        let written = CSVNumber.rounded(value, places: places)
        if text == "-0" {
            // A value that rounds to zero is written as 0, never −0.
            #expect(written == "0")
        } else {
            #expect(written == text)
        }
    }

    @Test(arguments: [
        (0.031622776601683794, "0.0316228"), (123456789.0, "123457000"), (1.0, "1"), (0.5, "0.5"), (-98765.4321, "-98765.4"),
    ])
    func significantDigits(value: Double, text: String) {
        #expect(CSVNumber.significant(value) == text)
    }

    @Test func roundedValuesReadBackWithinHalfAUnitOfTheLastPlace() {
        var state: UInt64 = 12345
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = (Double(state >> 11) / Double(1 << 53) - 0.5) * 1e5
            for places in 0...4 {
                let back = CSVNumber.parse(CSVNumber.rounded(value, places: places))!
                var unit = 1.0
                for _ in 0..<places { unit /= 10 }
                #expect(abs(back - value) <= unit / 2 * (1 + 1e-9))
            }
        }
    }
}
