extension Int {
    /// The number in decimal with leading zeros up to `width` digits: `7.zeroPadded(2)` is "07".
    public func zeroPadded(_ width: Int) -> String {
        let text = String(self)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
