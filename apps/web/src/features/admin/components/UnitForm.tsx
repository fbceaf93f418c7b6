// A unit's form (new or edit) in a dialog: the shared CreateUnitBody / PatchUnitBody checked before
// sending, the server's field errors beside their fields, a taken callsign beside the callsign, all in
// the board's language. Grid, leader and crew come from the home station's grids and officers; a change
// of station clears them. A stale version (someone else saved first) reloads the unit into the form.
import { CreateUnitBody, PatchUnitBody, ReinforcementGroupKind, type Station, type Unit, UnitKind } from "@onemap/shared";
import { App, type ButtonProps, Col, Form, Input, Modal, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, fieldIssues } from "../../../api/client";
import { issueMessage } from "../../../i18n/refusals";
import "../../../i18n/zod-locales";
import { fetchUnit, useCrew, useGrids, useUnitChanges } from "../api/units";
import { OfficerPicker } from "./OfficerPicker";

interface Values {
  callsign?: string;
  kind?: UnitKind;
  homeStationId?: string;
  gridId?: string | null;
  leaderId?: string | null;
  crewIds?: string[];
  reinforcementGroup?: ReinforcementGroupKind | null;
}
const FIELDS = ["callsign", "kind", "homeStationId", "gridId", "leaderId", "crewIds", "reinforcementGroup"] as const;

const valuesOf = (u: Unit | null): Values =>
  u
    ? {
        callsign: u.callsign,
        kind: u.kind,
        homeStationId: u.homeStationId,
        gridId: u.gridId,
        leaderId: u.leader?.id ?? null,
        reinforcementGroup: u.reinforcementGroup,
      }
    : { kind: "CAR", gridId: null, leaderId: null, crewIds: [], reinforcementGroup: null };

/** `unit`: the unit to edit, null for a new one */
export function UnitForm({ unit, stations, onClose }: { unit: Unit | null; stations: readonly Station[]; onClose: () => void }) {
  const { t } = useTranslation("admin");
  const { t: tb } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState(unit);
  const station = Form.useWatch("homeStationId", form);
  const grids = useGrids(station);
  const crew = useCrew(current?.id);
  const changes = useUnitChanges();
  const saving = changes.create.isPending || changes.patch.isPending;

  useEffect(() => {
    if (crew.data)
      form.setFieldValue(
        "crewIds",
        crew.data.rows.map((o) => o.id),
      );
  }, [crew.data, form]);

  const setErrors = (errors: Record<string, string>) =>
    form.setFields(FIELDS.map((name) => ({ name, errors: errors[name] ? [errors[name]] : [] })));

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    const fields = {
      callsign: v.callsign?.trim() || undefined,
      kind: v.kind,
      homeStationId: v.homeStationId,
      gridId: v.gridId ?? null,
      leaderId: v.leaderId ?? null,
      reinforcementGroup: v.reinforcementGroup ?? null,
      // not yet read (the crew still loading): left as it is, never emptied by accident
      crewIds: v.crewIds,
    };
    const parsed = current ? PatchUnitBody.safeParse({ ...fields, version: current.version }) : CreateUnitBody.safeParse(fields);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "");
        errors[key] ??= issueMessage(issue as never, fields[key as keyof typeof fields] === undefined);
      }
      setErrors(errors);
      return;
    }
    setErrors({});
    try {
      const saved = current
        ? await changes.patch.mutateAsync({ id: current.id, body: parsed.data as PatchUnitBody })
        : await changes.create.mutateAsync(parsed.data as CreateUnitBody);
      void message.success(t(current ? "units.form.saved" : "units.form.created", { callsign: saved.callsign }));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === "changed_meanwhile" && current) {
        const [fresh, freshCrew] = await Promise.all([fetchUnit(current.id), crew.refetch()]);
        setCurrent(fresh);
        form.setFieldsValue({ ...valuesOf(fresh), crewIds: freshCrew.data?.rows.map((o) => o.id) ?? [] });
        void message.warning(t("units.form.changedMeanwhile", { callsign: fresh.callsign }));
        return;
      }
      const errors = fieldIssues(e);
      if (e instanceof ApiError && e.code === "callsign_taken") errors.callsign = e.message;
      setErrors(errors);
      if (!Object.keys(errors).some((k) => (FIELDS as readonly string[]).includes(k)))
        void message.error(t("units.form.refused", { message: (e as Error).message }));
    }
  }

  const known = [...(current?.leader ? [current.leader] : []), ...(crew.data?.rows ?? [])];
  return (
    <Modal
      open
      title={current ? t("units.form.editTitle", { callsign: current.callsign }) : t("units.form.createTitle")}
      okText={t("units.form.save")}
      cancelText={t("units.cancel")}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      width={680}
      destroyOnHidden
      okButtonProps={{ "data-testid": "unit-save" } as ButtonProps}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={valuesOf(current)}
        onValuesChange={(changed: Values) => {
          // another station's grid and officers are not this one's
          if ("homeStationId" in changed) form.setFieldsValue({ gridId: null, leaderId: null, crewIds: [] });
        }}
        data-testid="unit-form"
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="callsign" label={t("units.form.callsign")} required>
              <Input maxLength={40} data-testid="unit-callsign" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="kind" label={t("units.form.kind")} required>
              <Select options={UnitKind.options.map((k) => ({ value: k, label: tb(`unitKind.${k}`) }))} data-testid="unit-kind" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="homeStationId" label={t("units.form.station")} required>
              <Select
                showSearch={{ optionFilterProp: "label" }}
                options={stations.map((s) => ({ value: s.id, label: s.name }))}
                data-testid="unit-station"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="gridId" label={t("units.form.grid")} tooltip={t("units.form.gridHint")}>
              <Select
                allowClear
                disabled={!station}
                placeholder={station ? t("units.form.noGrid") : t("units.form.pickStationFirst")}
                options={(grids.data ?? []).map((g) => ({ value: g.id, label: `${g.name}（${g.code}）` }))}
                data-testid="unit-grid"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="leaderId" label={t("units.form.leader")} tooltip={t("units.form.officerHint")}>
              <OfficerPicker
                station={station}
                known={known}
                placeholder={station ? t("units.form.leader") : t("units.form.pickStationFirst")}
                testId="unit-leader"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="reinforcementGroup" label={t("units.form.group")}>
              <Select
                allowClear
                placeholder={t("units.form.noGroup")}
                options={ReinforcementGroupKind.options.map((k) => ({ value: k, label: tb(`groups.${k}`) }))}
                data-testid="unit-group"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="crewIds" label={t("units.form.crew")} tooltip={t("units.form.officerHint")}>
          <OfficerPicker
            multiple
            station={station}
            known={known}
            placeholder={station ? t("units.form.crew") : t("units.form.pickStationFirst")}
            testId="unit-crew"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
