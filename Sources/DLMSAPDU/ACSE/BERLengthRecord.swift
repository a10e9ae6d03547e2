/// A length as read: how it was written and the length of the content it belongs to.
struct BERLengthRecord {
    var form: BERLengthForm
    var actual: Int

    var isCanonical: Bool { form.isCanonical(forActualLength: actual) }
}
