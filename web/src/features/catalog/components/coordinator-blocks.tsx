import { Alert, Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { formatDay, formatDayRange } from '@/lib/format';
import { blockFormValues, EMPTY_BLOCK } from '../api/block-input';
import { useCreateBlock } from '../api/create-block';
import { useDeleteBlock } from '../api/delete-block';
import type { Block, Offering } from '../api/offering-schema';
import { useUpdateBlock } from '../api/update-block';
import { BlockForm } from './block-form';

type Props = { institutionId: string; offering: Offering; canEdit: boolean };

function blockName(block: Block): string {
  return formatDayRange(block.start_date, block.end_date);
}

function EditBlock({ institutionId, offeringId, block, onClose }: { institutionId: string; offeringId: string; block: Block; onClose: () => void }) {
  const mutation = useUpdateBlock(institutionId, offeringId, block.id);
  return (
    <BlockForm
      initial={blockFormValues(block)}
      mutation={mutation}
      submitLabel="Save block"
      failureTitle="The block was not changed"
      labelledBy="edit-block-title"
      onDone={onClose}
      onCancel={onClose}
    />
  );
}

/** The coordinator's view of an offering's blocks: fill, applications, and add / edit / delete. */
export function CoordinatorBlocks({ institutionId, offering, canEdit }: Props) {
  const [editing, setEditing] = useState<Block | null>(null);
  const [deleting, setDeleting] = useState<Block | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useCreateBlock(institutionId, offering.id);
  const remove = useDeleteBlock(institutionId, offering.id);
  const blocks = [...offering.blocks].sort((a, b) => a.start_date.localeCompare(b.start_date));

  const closeDelete = () => {
    setDeleting(null);
    remove.reset();
  };

  return (
    <Stack gap="md">
      {notice && (
        <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel="Dismiss" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {blocks.length === 0 ? (
        <Text>No blocks yet. Add the dates and seats of at least one block before publishing.</Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table aria-labelledby="blocks-heading" verticalSpacing="sm" horizontalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Dates</Table.Th>
                <Table.Th scope="col">Filled</Table.Th>
                <Table.Th scope="col">Applications</Table.Th>
                <Table.Th scope="col">Applications open</Table.Th>
                <Table.Th scope="col">Deadline</Table.Th>
                {canEdit && (
                  <Table.Th scope="col">
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {blocks.map((block) => (
                <Table.Tr key={block.id}>
                  <Table.Th scope="row" fw={600}>
                    {blockName(block)}
                  </Table.Th>
                  <Table.Td>
                    {block.filled} of {block.seats}
                  </Table.Td>
                  <Table.Td>{block.applications}</Table.Td>
                  <Table.Td>{formatDay(block.opens_on)}</Table.Td>
                  <Table.Td>{formatDay(block.deadline)}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" aria-label={`Edit block ${blockName(block)}`} onClick={() => setEditing(block)}>
                          Edit
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={`Delete block ${blockName(block)}`}
                          onClick={() => setDeleting(block)}
                        >
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      {canEdit && offering.status !== 'archived' && (
        <section aria-labelledby="add-block-heading">
          <Title order={3} size="h5" id="add-block-heading" mb="xs">
            Add a block
          </Title>
          <BlockForm
            initial={EMPTY_BLOCK}
            mutation={create}
            submitLabel="Add block"
            failureTitle="The block was not added"
            labelledBy="add-block-heading"
            resetOnSuccess
            onDone={() => setNotice('Block added.')}
          />
        </section>
      )}

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={<span id="edit-block-title">Edit block</span>} centered size="lg">
        {editing && (
          <EditBlock
            institutionId={institutionId}
            offeringId={offering.id}
            block={editing}
            onClose={() => {
              setEditing(null);
            }}
          />
        )}
      </Modal>

      <Modal opened={deleting !== null} onClose={closeDelete} title="Delete this block?" centered>
        {deleting && (
          <>
            {remove.isError && (
              <Alert color="red" variant="light" title="Not deleted" role="alert" mb="md">
                {errorMessage(remove.error)}
              </Alert>
            )}
            <Text mb="lg">The block {blockName(deleting)} and its seats will be removed.</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={closeDelete}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(deleting.id, {
                    onSuccess: () => {
                      setNotice(`Block ${blockName(deleting)} deleted.`);
                      setDeleting(null);
                    },
                  })
                }
              >
                Delete block
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </Stack>
  );
}
