package dev.vlsuite.shared.io.captions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionDatasetsTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void karpathyUsesCocoidElseImgidAndKeepsSplitsAndTokens() throws Exception {
        Path f = write("dataset_coco.json", """
                {"images": [
                  {"filepath": "val2014", "filename": "a.jpg", "imgid": 0, "cocoid": 391895, "split": "test",
                   "sentences": [{"raw": "A man.", "tokens": ["a", "man"]}, {"raw": "A guy.", "tokens": ["a", "guy"]}]},
                  {"filename": "b.jpg", "imgid": 1, "split": "train", "sentences": [{"raw": "A dog.", "tokens": ["a", "dog"]}]}
                ], "dataset": "coco"}""");
        CaptionDataset d = CaptionDatasets.read(f);
        assertEquals(CaptionDatasetFormat.KARPATHY, d.format());
        assertEquals(new CaptionImage("391895", "a.jpg", "val2014", "test", List.of("A man.", "A guy."), List.of(List.of("a", "man"), List.of("a", "guy"))), d.images().get(0));
        assertEquals("1", d.images().get(1).id());
        assertEquals(Map.of("391895", List.of("A man.", "A guy.")), d.split("test").referencesById());
    }

    @Test
    void cocoAnnotationsGroupCaptionsByImage() throws Exception {
        Path f = write("captions_val2014.json", """
                {"images": [{"id": 7, "file_name": "x.jpg"}, {"id": 9, "file_name": "y.jpg"}],
                 "annotations": [{"image_id": 9, "id": 1, "caption": "b1"}, {"image_id": 7, "id": 2, "caption": "a1"},
                                 {"image_id": 9, "id": 3, "caption": "b2"}]}""");
        CaptionDataset d = CaptionDatasets.read(f);
        assertEquals(CaptionDatasetFormat.COCO_ANNOTATIONS, d.format());
        assertEquals(List.of("7", "9"), d.images().stream().map(CaptionImage::id).toList());
        assertEquals(List.of("b1", "b2"), d.images().get(1).rawCaptions());
        assertEquals("y.jpg", d.images().get(1).filename());
    }

    @Test
    void flickrTokenFileWithOptionalSplits() throws Exception {
        Path f = write("Flickr8k.token.txt", "1000268201_693b08cb0e.jpg#0\tA child in a pink dress .\n"
                + "1000268201_693b08cb0e.jpg#1\tA girl going into a wooden building .\n1001773457_577c3a7d70.jpg#0\tA black dog .\n");
        Path test = write("Flickr_8k.testImages.txt", "1001773457_577c3a7d70.jpg\n");
        CaptionDataset auto = CaptionDatasets.read(f);
        assertEquals(CaptionDatasetFormat.FLICKR_TOKENS, auto.format());
        assertEquals(List.of("A child in a pink dress .", "A girl going into a wooden building ."), auto.images().get(0).rawCaptions());
        CaptionDataset withSplits = CaptionDatasets.readFlickrTokens(f, Map.of("test", test));
        assertEquals(List.of("1001773457_577c3a7d70.jpg"), withSplits.split("test").images().stream().map(CaptionImage::id).toList());
        CaptionFormatException e = assertThrows(CaptionFormatException.class, () -> CaptionDatasets.read(write("bad.txt", "no tab here\n")));
        assertTrue(e.getMessage().contains("bad.txt") && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void idMapAndMalformedInputsNameFileAndReason() throws Exception {
        assertEquals(List.of("x", "y"), CaptionDatasets.read(write("m.json", "{\"1\": [\"x\", \"y\"]}")).images().get(0).rawCaptions());
        assertMessage(write("broken.json", "{\"1\": [\"x\""), "broken.json", "malformed JSON");
        assertMessage(write("arr.json", "[1, 2]"), "arr.json", "expected a JSON object");
        assertMessage(write("num.json", "{\"1\": [3]}"), "num.json", "not a string");
        assertMessage(write("k.json", "{\"images\": [{\"imgid\": 1, \"sentences\": [{\"tokens\": []}]}]}"), "k.json", "\"raw\"");
        assertMessage(write("c.json", "{\"annotations\": [{\"caption\": \"x\"}]}"), "c.json", "image_id is missing");
        assertMessage(dir.resolve("missing.json"), "missing.json", "no such file");
    }

    private static void assertMessage(Path f, String file, String reason) {
        CaptionFormatException e = assertThrows(CaptionFormatException.class, () -> CaptionDatasets.read(f));
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void cocoResultsRoundTripNumericAndTextIds() throws Exception {
        Path f = dir.resolve("out/results.json");
        List<CocoResult> rs = List.of(new CocoResult("42", "a dog"), new CocoResult("img_7", "a \"cat\"\u2028x"), new CocoResult("007", "zero"));
        CocoResults.write(f, rs);
        String json = Files.readString(f);
        assertTrue(json.contains("\"image_id\":42") && json.contains("\"image_id\":\"img_7\"") && json.contains("\"image_id\":\"007\""), json);
        assertEquals(rs, CocoResults.read(f));
        assertTrue(Files.list(f.getParent()).allMatch(p -> p.getFileName().toString().equals("results.json")), "no temp file left");
        CaptionFormatException e = assertThrows(CaptionFormatException.class, () -> CocoResults.read(write("r.json", "[{\"image_id\": 1}]")));
        assertTrue(e.getMessage().contains("r.json") && e.getMessage().contains("caption"), e.getMessage());
    }
}
