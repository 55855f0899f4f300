package dev.vlsuite.assets.house;

/** The kinds of room a synthetic house has; the word is the one every instruction uses. */
public enum RoomType {
    KITCHEN("kitchen"),
    BEDROOM("bedroom"),
    BATHROOM("bathroom"),
    LIVING_ROOM("living room"),
    HALLWAY("hallway"),
    OFFICE("office"),
    DINING_ROOM("dining room");

    private final String word;

    RoomType(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** @throws IllegalArgumentException for a word that names no room type */
    public static RoomType fromWord(String word) {
        for (RoomType t : values()) if (t.word.equals(word)) return t;
        throw new IllegalArgumentException("unknown room type: " + word);
    }
}
