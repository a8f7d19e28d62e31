import { useTranslation } from "@/lib/use-translation";
import { Button, DropZone, FileTrigger, Text } from "react-aria-components";

/** Import CSV File: drop a file on the zone, or choose one with the button (or paste it). */
export function FilePicker({ onFile, isDisabled }: { onFile: (file: File) => void; isDisabled?: boolean }) {
  const { t } = useTranslation("bulkManage");
  return (
    <DropZone
      className="drop-zone"
      isDisabled={isDisabled}
      // Any file may be dropped: the browser's check says plainly what is wrong with it.
      getDropOperation={() => "copy"}
      onDrop={async (event) => {
        const item = event.items.find((i) => i.kind === "file");
        if (item?.kind === "file") onFile(await item.getFile());
      }}
    >
      <Text slot="label" className="drop-zone-label">
        {t("import.dropHere")}
      </Text>
      <FileTrigger
        acceptedFileTypes={[".csv", "text/csv"]}
        onSelect={(files) => {
          const file = files?.[0];
          if (file) onFile(file);
        }}
      >
        <Button className="btn btn-secondary" isDisabled={isDisabled}>
          {t("import.choose")}
        </Button>
      </FileTrigger>
      <p className="field-description">{t("import.limits")}</p>
    </DropZone>
  );
}
