/// A view's `TemplateValue` tree, built once and read by every template format of a report, also
/// concurrently: nothing changes it after it is built.
struct PreparedView: @unchecked Sendable {
    let value: TemplateValue

    init(_ view: Any) { value = TemplateValueBuilder.build(view) }
}
