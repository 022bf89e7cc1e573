// EPUBCheck over many books in one Java process: starting the JVM and loading EPUBCheck's
// schemas takes far longer than checking one small book. Run with the epubcheck jar on the
// class path (Java 11 or later runs this source file directly):
//     java -cp epubcheck.jar BatchEpubCheck.java BOOK.epub...
// Each BOOK.epub gets its report as EPUBCheck's JSON in BOOK.epub.json; the process prints one
// line "STATUS BOOK.epub" per book, STATUS being EPUBCheck's own exit status for it.

import com.adobe.epubcheck.tool.EpubChecker;

public class BatchEpubCheck {
    public static void main(String[] books) {
        for (String book : books) {
            String[] arguments = {book, "--quiet", "--json", book + ".json"};
            int status = new EpubChecker().run(arguments);
            System.out.println(status + " " + book);
        }
    }
}
