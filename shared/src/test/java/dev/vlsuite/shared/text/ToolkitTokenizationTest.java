package dev.vlsuite.shared.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vlsuite.shared.io.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluation's tokenization against the MS-COCO caption toolkit itself (pycocoevalcap's ptbtokenizer.py:
 * CoreNLP 3.4.1 PTBTokenizer -preserveLines -lowerCase, then its punctuation filter). Every expected value
 * here was printed by the toolkit (../shared/ref/coco-caption-toolkit, 2026-12-01); the resource holds the
 * 406 adversarial captions (bench/adversarial_captions.py fragments) that vlsuite tokenized differently before.
 */
class ToolkitTokenizationTest {
    private final CaptionTokenizer tokenizer = new CaptionTokenizer();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // issue 7: tags stay whole and survive the punctuation filter
            "a van parked on the side of the road <unk>|a van parked on the side of the road <unk>",
            "<s> a dog </s>|<s> a dog </s>",
            "a <UNK> on a <pad>|a <unk> on a <pad>",
            "a dog<unk>.|a dog <unk>",
            "x<unk><unk>s|x <unk> <unk> s",
            "< unk >|< unk >",
            "a <3 b|a < 3 b",
            // issue 7: an apostrophe before two digits, then a space or the end
            "'10 boys throwing a frisbee|'10 boys throwing a frisbee",
            "the '70 show|the '70 show",
            "'1 boy, '2000 boys, '10s, '10.|1 boy 2000 boys 10s 10",
            "music of the '90s|music of the '90s",
            // numbers with a sign or a leading period, a separator after a word
            "a -5 b +5 c .5 d -.5|a -5 b +5 c .5 d -.5",
            "road1,000 x1.5|road1 ,000 x1 .5",
            // words joined by periods, capitals around &, c++, hash tags, handles
            "example.com end.x Mr.X|example.com end.x mr.x",
            "AT&T and at&t, R&D|at&t and at & t r&d",
            "c++ C# #tag @user_1 a_b|c++ c# #tag @user_1 a_b",
            // case-sensitive abbreviations keep the period only as the lexer does
            "in Mass. and mass.|in mass. and mass",
            "a fig. and approx.|a fig and approx",
            "rock 'n' roll 'tis y'all|rock 'n' roll 't is y' all",
    })
    void matchesTheToolkit(String caption, String toolkit) {
        assertEquals(toolkit, tokenizer.forEval(caption));
    }

    @Test
    void everyFormerlyDifferingAdversarialCaptionMatches() throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/text/toolkit-tokenization.json")) {
            cases = Json.MAPPER.readTree(in).get("cases");
        }
        List<String> wrong = new ArrayList<>();
        for (JsonNode c : cases) {
            String got = tokenizer.forEval(c.get(0).asText());
            if (!got.equals(c.get(1).asText())) wrong.add(c.get(0).asText() + " -> " + got + " (toolkit: " + c.get(1).asText() + ")");
        }
        assertTrue(cases.size() > 300, "resource too small");
        assertEquals(List.of(), wrong);
    }
}
