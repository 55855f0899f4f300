package dev.vlsuite.shared.metrics.vqa;

/**
 * One of the (usually 10) human answers of an annotation. The official leave-one-out compares whole answer
 * dicts, so confidence and id take part in equality; ids are unique in real files, so exactly one is left out.
 */
public record HumanAnswer(String answer, String confidence, long answerId) {
    public HumanAnswer withAnswer(String newAnswer) {
        return new HumanAnswer(newAnswer, confidence, answerId);
    }
}
