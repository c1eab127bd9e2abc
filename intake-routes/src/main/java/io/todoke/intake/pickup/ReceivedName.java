package io.todoke.intake.pickup;

/** A file name as the gateway gave it: data, shown to people only with its control characters made visible. */
public final class ReceivedName {

    private ReceivedName() {
    }

    /** The name with control characters (newlines included) written as {@code \\uXXXX}, so it stays one line. */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** The first line of an operator's reason file: which file, as received. */
    public static String describe(String inbox, String name) {
        return "受信フォルダ「" + inbox + "」のファイル「" + printable(name) + "」";
    }
}
