// The studio's small component set; styled only with the theme colours from app/globals.css.
export { Badge, type BadgeTone } from "./badge";
export { Button, buttonClasses, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button";
export { Card, CardBody, CardFooter, CardHeader } from "./card";
export { cn } from "./cn";
export { EmptyState } from "./empty-state";
export { ModalSheet } from "./modal-sheet";
export { Field, Label, useFieldControl } from "./field";
export { CONTROL, Input, Select, Textarea } from "./input";
export { PageContainer, PageHeader } from "./page-header";
export { Segmented, type SegmentedOption } from "./segmented";
export { Spinner } from "./spinner";
export { Switch } from "./switch";
